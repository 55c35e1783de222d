package com.onboarding.admin.users;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Approve and Reject on a row that awaits approval: the four-eyes decision without leaving the Users screen. */
@Controller
@RequestMapping("/users/{id}")
class UserApprovalController implements AdminScreen {

    private final UserApprovals approvals;
    private final UserAdministration administration;
    private final UserDirectory directory;
    private final CurrentAdmin currentAdmin;
    private final Texts text;

    UserApprovalController(UserApprovals approvals, UserAdministration administration, UserDirectory directory,
            CurrentAdmin currentAdmin, Texts text) {
        this.approvals = approvals;
        this.administration = administration;
        this.directory = directory;
        this.currentAdmin = currentAdmin;
        this.text = text;
    }

    @PostMapping("/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo,
            RedirectAttributes redirect) {
        try {
            UserRow user = approvals.approve(id, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.approved", user.email()));
        } catch (ConflictException | RejectedRequestException e) {
            redirect.addFlashAttribute("error", refusal(e));
        }
        return "redirect:" + ReturnTo.safe(returnTo);
    }

    /** The reason first: a rejection says why, in the mail to the inviter. */
    @GetMapping("/reject")
    String rejectPage(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model,
            RedirectAttributes redirect) {
        try {
            administration.awaitingApproval(id, currentAdmin.scope());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + ReturnTo.safe(returnTo);
        }
        return page(model, directory.row(id, currentAdmin.scope()), null, returnTo);
    }

    @PostMapping("/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        try {
            UserRow user = approvals.reject(id, reason, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.rejected", user.email()));
            return "redirect:" + ReturnTo.safe(returnTo);
        } catch (RejectedRequestException e) {
            showRefusal(e, model, response);
            model.addAttribute("error", refusal(e));
            return page(model, directory.row(id, currentAdmin.scope()), reason, returnTo);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + ReturnTo.safe(returnTo);
        }
    }

    private static String page(Model model, UserRow user, String reason, String returnTo) {
        model.addAttribute("user", user);
        model.addAttribute("reason", reason);
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        return "users/reject";
    }

    /** The rule's own sentence ("You asked for this yourself…"), not the summary. */
    private static String refusal(RuntimeException e) {
        return e instanceof RejectedRequestException rejected && !rejected.problems().isEmpty()
                ? rejected.problems().get(0).message() : e.getMessage();
    }
}
