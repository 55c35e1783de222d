package com.onboarding.admin.selection;

import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.admin.users.UserDirectory;
import com.onboarding.admin.users.UserSearch;
import com.onboarding.scopes.AdminScope;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions on many users at once (Users screen, a client's Users tab, /api/users/selection): the admin picks users on
 * the page, or every user the filter finds, and one action; a confirmation names how many; then the process
 * bpmn/user-selection.bpmn acts on each in the background as that admin, and the selection's page shows each
 * user's result. Only the admin who confirmed it sees a selection.
 */
@Service
public class UserSelections {

    /** More at once is a job for a file or a script. */
    public static final int MAX_USERS = 10_000;
    /** Users acted on per process step (one job). */
    static final int USERS_PER_STEP = 100;
    /** Results a page shows: refusals first. */
    static final int RESULTS_SHOWN = 1_000;

    /** What the admin picked: these users, or (allMatching) every user this search finds for them. */
    public record Choice(SelectionAction action, List<Long> userIds, UserSearch allMatching) {
    }

    /** What the confirmation says: the action, how many users, the first few names. */
    public record Confirmation(Choice choice, int count, List<String> firstNames) {
    }

    /** A confirmed selection: counts by outcome and each user's result (refusals first). */
    public record SelectionView(long id, SelectionAction action, Instant createdAt,
            Instant finishedAt, long total, long waiting, long done, long refused, List<Result> results) {

        public boolean running() {
            return finishedAt == null;
        }

        public int percentDone() {
            return total == 0 ? 100 : (int) ((done + refused) * 100 / total);
        }
    }

    /** One user's result; {@code email} and {@code name} are null once the user is deleted. */
    public record Result(long userId, String email, String name, SelectionRow.Outcome outcome, String reason) {
    }

    /** Published when a selection is confirmed; its process starts in the same transaction. */
    public record Confirmed(long selectionId) {
    }

    private final UserSelectionRepository selections;
    private final SelectionRowRepository rows;
    private final UserDirectory directory;
    private final UserAccountRepository users;
    private final SelectionRowActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Texts text;

    UserSelections(UserSelectionRepository selections, SelectionRowRepository rows, UserDirectory directory,
            UserAccountRepository users, SelectionRowActor actor, ApplicationEventPublisher events, Clock clock,
            Texts text) {
        this.selections = selections;
        this.rows = rows;
        this.directory = directory;
        this.users = users;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
        this.text = text;
    }

    /** The confirmation's question; refused (nothing selected, too many, no action) with the reason. */
    @Transactional(readOnly = true)
    public Confirmation confirmation(Choice choice, AdminScope scope) {
        List<Long> ids = resolve(choice, scope);
        List<String> names = users.findAllById(ids.subList(0, Math.min(ids.size(), 10))).stream()
                .map(user -> user.getFullName() + " <" + user.getEmail() + ">").sorted().toList();
        return new Confirmation(choice, ids.size(), names);
    }

    /** Confirmed: the selection is kept and its process started; the answer is its id. */
    @Transactional
    public long confirm(Choice choice, AdminScope scope) {
        List<Long> ids = resolve(choice, scope);
        UserSelection selection = selections.save(new UserSelection(choice.action(), scope.adminId(), clock.instant()));
        int position = 0;
        for (Long userId : ids) {
            rows.save(new SelectionRow(selection.getId(), position++, userId));
        }
        events.publishEvent(new Confirmed(selection.getId()));
        return selection.getId();
    }

    /** The users of the choice, each once, in the admin's scope. */
    private List<Long> resolve(Choice choice, AdminScope scope) {
        if (choice.action() == null) {
            throw new RejectedRequestException(text.of("selection.refused"),
                    List.of(new Problem("action", text.of("selection.noAction"))));
        }
        // Every user the filters find is within the scope already: the search is the admin's.
        List<Long> ids = choice.allMatching() != null
                ? directory.ids(choice.allMatching(), scope, MAX_USERS + 1)
                : choice.userIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(choice.userIds()));
        if (ids.isEmpty()) {
            throw new RejectedRequestException(text.of("selection.refused"),
                    List.of(new Problem("userIds", text.of("selection.none"))));
        }
        if (ids.size() > MAX_USERS) {
            throw new RejectedRequestException(text.of("selection.refused"),
                    List.of(new Problem("userIds", text.of("selection.tooMany", MAX_USERS))));
        }
        if (choice.allMatching() == null) {
            // A user outside the scope is not found, as on their row: refused before anything is kept.
            directory.requireAll(ids, scope);
        }
        return ids;
    }

    /** Process step "Act on the next users"; answers whether users still wait. */
    public boolean actOnNext(long selectionId, String processInstanceId) {
        UserSelection selection = runBy(selectionId, processInstanceId);
        List<SelectionRow.Key> next = rows.keysByOutcome(selectionId, SelectionRow.Outcome.WAITING,
                PageRequest.of(0, USERS_PER_STEP));
        if (next.isEmpty()) {
            return false;
        }
        actor.act(next, selection.getAction(), selection.getActor());
        return !rows.keysByOutcome(selectionId, SelectionRow.Outcome.WAITING, PageRequest.of(0, 1)).isEmpty();
    }

    /** Process step "Close the selection". */
    @Transactional
    public void finish(long selectionId, String processInstanceId) {
        runBy(selectionId, processInstanceId).finish(clock.instant());
    }

    /** The process started for the selection: remembered, so that only this instance acts on it. */
    @Transactional
    public void started(long selectionId, String processInstanceId) {
        selections.findById(selectionId).orElseThrow(() -> new NotFoundException("Selection", selectionId))
                .started(processInstanceId);
    }

    private UserSelection runBy(long selectionId, String processInstanceId) {
        UserSelection selection = selections.findById(selectionId)
                .orElseThrow(() -> new NotFoundException("Selection", selectionId));
        if (!selection.isRunBy(processInstanceId)) {
            throw new IllegalStateException("Process instance " + processInstanceId + " does not act on selection "
                    + selectionId + "; selections are confirmed through the application only.");
        }
        return selection;
    }

    /** The selection with each user's result, for the admin who confirmed it (anyone else: not found). */
    @Transactional(readOnly = true)
    public SelectionView view(long selectionId, AdminScope scope) {
        UserSelection selection = selections.findById(selectionId)
                .filter(s -> s.getActor().equals(scope.adminId()))
                .orElseThrow(() -> new NotFoundException("Selection", selectionId));
        Map<SelectionRow.Outcome, Long> counts = rows.countByOutcome(selectionId).stream()
                .collect(Collectors.toMap(SelectionRowRepository.OutcomeCount::getOutcome,
                        SelectionRowRepository.OutcomeCount::getRows));
        List<SelectionRow> shown = rows.refusalsFirst(selectionId, PageRequest.of(0, RESULTS_SHOWN));
        Map<Long, UserAccount> people = users.findAllById(shown.stream().map(SelectionRow::getUserId).toList())
                .stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        List<Result> results = shown.stream().map(row -> {
            UserAccount user = people.get(row.getUserId());
            return new Result(row.getUserId(), user == null ? null : user.getEmail(),
                    user == null ? null : user.getFullName(), row.getOutcome(), row.getReason());
        }).toList();
        long waiting = counts.getOrDefault(SelectionRow.Outcome.WAITING, 0L);
        long done = counts.getOrDefault(SelectionRow.Outcome.DONE, 0L);
        long refused = counts.getOrDefault(SelectionRow.Outcome.REFUSED, 0L);
        return new SelectionView(selectionId, selection.getAction(), selection.getCreatedAt(),
                selection.getFinishedAt(), waiting + done + refused, waiting, done, refused, results);
    }

    /** "Delete user": a refusal's sentence named them. */
    @EventListener
    public void forget(UserEvent event) {
        if (event.kind() == UserEvent.Kind.DELETED) {
            rows.forgetReasons(event.userId());
        }
    }
}
