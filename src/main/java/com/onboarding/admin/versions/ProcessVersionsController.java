package com.onboarding.admin.versions;

import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.versions.ProcessVersions;
import com.onboarding.versions.ProcessVersions.Move;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Process versions: what runs on which version, and moving a version's instances to the latest one. */
@Controller
@RequestMapping("/versions")
class ProcessVersionsController implements AdminScreen {

    private final ProcessVersions versions;
    private final CurrentAdmin currentAdmin;
    private final Texts text;

    ProcessVersionsController(ProcessVersions versions, CurrentAdmin currentAdmin, Texts text) {
        this.versions = versions;
        this.currentAdmin = currentAdmin;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("overview", versions.overview(currentAdmin.id()));
        return "versions/list";
    }

    @PostMapping("/{definitionId}/move")
    String move(@PathVariable String definitionId, RedirectAttributes redirect) {
        Move move = versions.moveToLatest(definitionId, currentAdmin.id());
        redirect.addFlashAttribute("success", text.of("versions.moving", move.total()));
        return "redirect:/versions";
    }
}
