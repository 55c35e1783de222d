package com.onboarding.reliability;

import com.onboarding.links.LinkTokens;
import com.onboarding.support.Postgres;
import com.onboarding.support.SmtpSink.Mail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The suite's books: what the service promised (every success it answered) and what the database and the mailbox
 * show once all work is done. {@link #audit} compares them: a promise without its effect is lost; a link in two
 * different mails or a step run twice for one link is duplicated (the same mail sent again after a crash, same
 * Message-ID, is an identical copy, which mail clients fold, and is counted apart); a mailed link that never worked
 * (its transaction rolled back after the mail went out) is a dead-link mail; data without its process (or a process
 * without its data) is half-created.
 */
final class Books {

    /** The links' key the nodes run with (onboarding.links.key): the books derive every link that was committed. */
    static final String LINKS_KEY = "cmVsaWFiaWxpdHktc3VpdGUtbGlua3Mta2V5LTMyLWJ5dGVzIQ==";
    private static final LinkTokens LINKS = new LinkTokens(LINKS_KEY);

    /** The result of an audit; {@code problems} names each finding. */
    record Audit(long lost, long duplicated, long halfCreated, long deadLinkMails, long identicalCopies,
            List<String> problems) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && halfCreated == 0 && problems.isEmpty();
        }
    }

    /** Invitations answered 201, by invitation id: the invitee's address. */
    final Map<Long, String> invited = new ConcurrentHashMap<>();
    /** Users whose resend was answered 200 (how often), cancel answered 200, registration answered "done". */
    final Map<Long, Integer> resent = new ConcurrentHashMap<>();
    final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    final Set<Long> registered = ConcurrentHashMap.newKeySet();

    void invited(Traffic.Result result, String email) {
        if (result.answer() == Traffic.Answer.OK) {
            invited.put(result.invitationId(), email);
        }
    }

    void resent(Traffic.Result result, long userId) {
        if (result.answer() == Traffic.Answer.OK) {
            resent.merge(userId, 1, Integer::sum);
        }
    }

    void cancelled(Traffic.Result result, long userId) {
        if (result.answer() == Traffic.Answer.OK) {
            cancelled.add(userId);
        }
    }

    void registered(Traffic.Result result, long userId) {
        if (result.answer() == Traffic.Answer.OK) {
            registered.add(userId);
        }
    }

    /** Compares promises, database and mailbox. Call once no job is due any more. */
    Audit audit(Postgres db, List<Mail> mails) throws Exception {
        List<String> problems = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        long halfCreated = 0;

        Map<String, List<Mail>> mailsOfLink = mails.stream().filter(m -> m.token() != null)
                .collect(Collectors.groupingBy(m -> LINKS.hash(m.token())));
        Map<String, Long> timesMailed = new HashMap<>();
        mailsOfLink.forEach((hash, sent) -> timesMailed.put(hash, (long) sent.size()));
        long identicalCopies = 0;
        for (List<Mail> sent : mailsOfLink.values()) {
            if (sent.size() > 1 && sent.stream().map(Mail::messageId).distinct().count() == 1) {
                identicalCopies += sent.size() - 1;
            } else if (sent.size() > 1) {
                duplicated += sent.size() - 1;
                problems.add("one link mailed " + sent.size() + " times to "
                        + sent.stream().map(Mail::to).distinct().toList() + " (" + sent.get(0).subject() + ")");
            }
        }

        Map<Long, List<Object>> invitations = new HashMap<>();
        // Every link an invitation ever committed, derived as the service does (LinkTokens#forLink), by address.
        Map<String, Set<String>> committedLinks = new HashMap<>();
        for (List<Object> row : db.query("select i.id, i.user_id, i.status, i.token_hash, i.resend_count, "
                + "i.process_instance_id, u.status, u.email, i.link_number, "
                + "cast(floor(extract(epoch from i.created_at) * 1000) as bigint) "
                + "from invitation i join user_account u on u.id = i.user_id")) {
            long id = ((Number) row.get(0)).longValue();
            invitations.put(id, row);
            Set<String> links = committedLinks.computeIfAbsent(((String) row.get(7)).toLowerCase(java.util.Locale.ROOT),
                    email -> new java.util.HashSet<>());
            for (int number = 1; number <= ((Number) row.get(8)).intValue(); number++) {
                links.add(LINKS.hash(LINKS.forLink("invitation:" + id + ":" + ((Number) row.get(9)).longValue(), number)));
            }
        }
        long deadLinkMails = 0;
        for (Mail sent : mails) {
            Set<String> links = sent.token() == null ? null : committedLinks.get(sent.to());
            if (links != null && !links.contains(LINKS.hash(sent.token()))) {
                deadLinkMails++;
                problems.add("a mail to " + sent.to() + " (" + sent.subject() + ") carries a link that never worked");
            }
        }
        for (Map.Entry<Long, String> promise : invited.entrySet()) {
            if (!invitations.containsKey(promise.getKey())) {
                lost++;
                problems.add("invitation " + promise.getKey() + " (" + promise.getValue() + ") was answered 201 but does not exist");
            }
        }
        Set<String> running = db.query("select business_key_ from act_ru_execution where parent_id_ is null "
                + "and business_key_ like 'invitation-%'").stream().map(r -> (String) r.get(0)).collect(Collectors.toSet());
        Map<String, Long> sendsCompleted = new HashMap<>();
        for (List<Object> row : db.query("select proc_inst_id_, count(*) from act_hi_actinst "
                + "where act_id_ = 'Activity_SendInvitationMail' and end_time_ is not null group by proc_inst_id_")) {
            sendsCompleted.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        Map<Long, List<List<Object>>> byUser = invitations.values().stream()
                .collect(Collectors.groupingBy(r -> ((Number) r.get(1)).longValue()));

        for (List<Object> row : invitations.values()) {
            long id = ((Number) row.get(0)).longValue();
            String status = (String) row.get(2);
            String tokenHash = (String) row.get(3);
            int resends = ((Number) row.get(4)).intValue();
            String instance = (String) row.get(5);
            boolean open = status.equals("PENDING") || status.equals("EXPIRED") || status.equals("AWAITING_APPROVAL");
            boolean hasProcess = running.contains("invitation-" + id);
            if (open && !hasProcess) {
                halfCreated++;
                problems.add("invitation " + id + " is " + status + " without a running process");
            }
            if (!open && hasProcess && !status.equals("ACCEPTED")) {
                halfCreated++;
                problems.add("invitation " + id + " is " + status + " but its process still runs");
            }
            if (status.equals("PENDING")) {
                long mailed = tokenHash == null ? 0 : timesMailed.getOrDefault(tokenHash, 0L);
                if (mailed == 0) {
                    lost++;
                    problems.add("invitation " + id + " is open, but its link was never mailed"
                            + (tokenHash == null ? " (no link issued)" : ""));
                }
            }
            long sends = instance == null ? 0 : sendsCompleted.getOrDefault(instance, 0L);
            if (sends > 1 + resends) {
                duplicated += sends - 1 - resends;
                problems.add("invitation " + id + ": 'Send invitation mail' completed " + sends + " times for "
                        + (1 + resends) + " links");
            }
        }
        for (Map.Entry<Long, List<List<Object>>> user : byUser.entrySet()) {
            long userId = user.getKey();
            String userStatus = (String) user.getValue().get(0).get(6);
            boolean accepted = user.getValue().stream().anyMatch(r -> r.get(2).equals("ACCEPTED"));
            if (registered.contains(userId) && !(accepted && userStatus.equals("ACTIVE"))) {
                lost++;
                problems.add("user " + userId + " was told 'registered' but is " + userStatus);
            }
            if (registered.contains(userId) && cancelled.contains(userId)) {
                duplicated++;
                problems.add("user " + userId + ": both the cancel and the registration were answered as done");
            }
            if (cancelled.contains(userId) && !registered.contains(userId) && userStatus.equals("ACTIVE")) {
                lost++;
                problems.add("user " + userId + " was cancelled (answered 200) but is active");
            }
            if (accepted != userStatus.equals("ACTIVE") && !userStatus.equals("DEACTIVATED")) {
                halfCreated++;
                problems.add("user " + userId + " is " + userStatus + " but accepted=" + accepted);
            }
            int totalResends = user.getValue().stream().mapToInt(r -> ((Number) r.get(4)).intValue()).sum();
            long newInvitations = user.getValue().size() - 1;
            if (resent.getOrDefault(userId, 0) > totalResends + newInvitations) {
                lost++;
                problems.add("user " + userId + ": " + resent.get(userId) + " resends answered 200, " + totalResends
                        + " recorded");
            }
        }
        long halfUsers = db.count("select count(*) from user_account u where u.status = 'INVITED' "
                + "and not exists (select 1 from invitation i where i.user_id = u.id)");
        if (halfUsers > 0) {
            halfCreated += halfUsers;
            problems.add(halfUsers + " invited users without an invitation");
        }
        long incidents = db.count("select count(*) from act_ru_incident");
        if (incidents > 0) {
            problems.add(incidents + " incidents left open");
        }
        return new Audit(lost, duplicated, halfCreated, deadLinkMails, identicalCopies, problems);
    }
}
