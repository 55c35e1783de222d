package com.onboarding.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.Http.Response;
import com.onboarding.support.Http;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, whatever serves it, against every role that must be refused there. The routes come
 * from the application's own lists, so a new route is covered without editing this test: Spring MVC's handler
 * mappings, the engine REST API's resource classes (/engine-rest), and the Camunda webapps' JAX-RS applications
 * (/camunda/api/...) and pages (/camunda/app/...). Each route is called by four callers:
 * <ul>
 *   <li>anonymous;</li>
 *   <li>a signed-in invitee (a registered user of the business application);</li>
 *   <li>a scoped administrator of Acme, on Globex's objects (path ids are Globex's user, invitation process and
 *       client, demo's task, the camunda-admin group);</li>
 *   <li>a process owner, beyond reading (they may retry jobs).</li>
 * </ul>
 * A call passes when it changes nothing (application rows, the engine's runtime and identity rows and revisions, the
 * mailbox; compared before and after), answers no 5xx, and, where it answers 2xx, shows none of what the caller may
 * not see. The count of routes × callers is printed.
 */
class RouteWideAccessTest extends AdminTestSupport {

    static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);
    static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    /** Public pages; and the development mailbox, which exists only with the in-process SMTP server, for this machine. */
    static final Set<String> NOT_CHECKED = Set.of("/dev/mails", "/dev/mails/{index}");

    record Route(String method, String template) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            return (template + " " + method).compareTo(other.template + " " + other.method);
        }
    }

    record Caller(String name, Http basic, Http session, String csrf, Set<String> secrets, Set<Route> mayChange) {
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filters;
    @Autowired
    RepositoryService repository;
    @Autowired
    RegistrationService registration;

    final Map<String, String> ids = new java.util.HashMap<>();

    @Test
    void everyRouteRefusesEveryCallerThatMayNotUseIt_andChangesNothing() throws Exception {
        Set<Route> routes = new TreeSet<>();
        routes.addAll(mvcRoutes());
        routes.addAll(jaxRs("/engine-rest", DefaultProcessEngineRestServiceImpl.class));
        Map<String, Application> webapps = Map.of("admin", new AdminApplication(), "cockpit", new CockpitApplication(),
                "tasklist", new TasklistApplication(), "welcome", new WelcomeApplication(),
                "engine", new EngineRestApplication());
        webapps.forEach((app, application) -> application.getClasses().stream()
                .filter(type -> AnnotatedElementUtils.hasAnnotation(type, Path.class))
                .forEach(type -> routes.addAll(jaxRs("/camunda/api/" + app, type))));
        for (String app : List.of("admin", "cockpit", "tasklist", "welcome")) {
            routes.add(new Route("GET", "/camunda/app/" + app + "/{engine}/"));
        }
        routes.removeIf(route -> NOT_CHECKED.contains(route.template()));

        List<Caller> callers = callers();
        List<String> failures = new ArrayList<>();
        List<String> engineInputErrors = new ArrayList<>();
        int calls = 0;
        state = state();
        for (Route route : routes) {
            for (Caller caller : callers) {
                if (isPublic(route)) {
                    continue;
                }
                String failure = check(caller, route);
                calls++;
                String call = caller.name() + " " + route.method() + " " + route.template();
                if (failure != null && failure.startsWith(CAMUNDA_5XX)) {
                    engineInputErrors.add(call);
                } else if (failure != null) {
                    failures.add(call + ": " + failure);
                }
            }
        }
        System.out.printf("Route-wide access: %d routes (%d Spring MVC, %d engine REST, %d webapp) × %d callers = %d "
                        + "calls checked, %d refused as expected%n", routes.size(),
                routes.stream().filter(r -> !r.template().startsWith("/engine-rest") && !r.template().startsWith("/camunda")).count(),
                routes.stream().filter(r -> r.template().startsWith("/engine-rest")).count(),
                routes.stream().filter(r -> r.template().startsWith("/camunda")).count(),
                callers.size(), calls, calls - failures.size());
        System.out.printf("Of these, %d calls to Camunda's own REST resources answered 5xx to the test's empty body "
                + "(Camunda's input checks; nothing changed and nothing was shown)%n", engineInputErrors.size());
        assertThat(routes.size()).as("routes found").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    // ---- the callers and what they must not see -----------------------------------------------------------------

    private List<Caller> callers() throws Exception {
        String scoped = scopedAdmin(List.of(acme()), List.of("VIEW_REPORTS"));
        String owner = "owner" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(owner);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(owner, CamundaGrants.PROCESS_OWNERS);

        String inviteeEmail = uniqueEmail();
        long invitee = invite(inviteeEmail, acme());
        mailInvitation(invitee);
        registration.register(registrationForm(latestToken(inviteeEmail), "Sunny-Day-42"));

        String globexEmail = uniqueEmail();
        long globexUser = invite(globexEmail, globex());
        String globexInstance = invitation(invitationIdOf(globexUser)).getProcessInstanceId();
        Http demo = Http.basic(port, "demo", DEMO_PASSWORD);
        String started = demo.json("POST", "/engine-rest/process-definition/key/invite-user/start", "{}").body();
        String demoTask = taskService.createTaskQuery().processInstanceId(started.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"))
                .singleResult().getId();

        ids.put("user", String.valueOf(globexUser));
        ids.put("client", String.valueOf(globex()));
        ids.put("instance", globexInstance);
        ids.put("task", demoTask);
        ids.put("job", job(globexInstance, "Activity_SendInvitationMail").getId());
        ids.put("definition", repository.createProcessDefinitionQuery().processDefinitionKey(InvitationProcess.KEY)
                .latestVersion().singleResult().getId());
        ids.put("deployment", repository.createProcessDefinitionQuery().processDefinitionKey(InvitationProcess.KEY)
                .latestVersion().singleResult().getDeploymentId());
        ids.put("filter", filters.createFilterQuery().singleResult().getId());
        ids.put("member", scoped);

        Set<String> everything = Set.of(globexEmail, "Globex GmbH", globexInstance, demoTask, "demo@onboarding.local");
        Set<Route> retries = Set.of(new Route("PUT", "/engine-rest/job/{id}/retries"),
                new Route("PUT", "/camunda/api/engine/engine/{name}/job/{id}/retries"));
        return List.of(
                new Caller("anonymous", Http.anonymous(port), withCsrf(Http.anonymous(port), "/login"), null,
                        everything, Set.of()),
                caller("invitee", inviteeEmail, "Sunny-Day-42", "/account", everything, Set.of()),
                caller("scoped admin of Acme", scoped, PASSWORD, "/users", everything, Set.of()),
                // Process owners read the instances, their ids and history by design; never people's data.
                caller("process owner", owner, PASSWORD, "/users", Set.of(globexEmail, "demo@onboarding.local"),
                        retries));
    }

    private Caller caller(String name, String user, String password, String page, Set<String> secrets,
            Set<Route> mayChange) {
        Http session = Http.session(port, user, password);
        return new Caller(name, Http.basic(port, user, password), session, csrfOf(session, page), secrets, mayChange);
    }

    private Http withCsrf(Http http, String page) {
        http.get(page);
        return http;
    }

    private static String csrfOf(Http session, String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(session.get(page).body());
        return matcher.find() ? matcher.group(1) : "";
    }

    // ---- one call -----------------------------------------------------------------------------------------------

    /** Marks a 5xx from Camunda's REST resources (the engine API and the webapps' APIs), checked for all else. */
    static final String CAMUNDA_5XX = "Camunda REST answered ";

    /** The state after the previous call. */
    private Map<String, Object> state;

    private String check(Caller caller, Route route) {
        String path = concrete(route.template());
        Map<String, Object> before = state;
        Response response = call(caller, route.method(), path);
        Map<String, Object> after = state();
        state = after;
        if (!before.equals(after) && !caller.mayChange().contains(route)) {
            return "changed " + difference(before, after) + " (status " + response.status() + ")";
        }
        if (response.status() >= 500) {
            boolean camunda = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
            return (camunda ? CAMUNDA_5XX : "answered ") + response.status() + ": "
                    + response.body().lines().findFirst().orElse("");
        }
        if (response.status() >= 200 && response.status() < 300) {
            for (String secret : caller.secrets()) {
                if (response.body().contains(secret)) {
                    return "showed '" + secret + "' (status " + response.status() + ")";
                }
            }
        }
        return null;
    }

    private Response call(Caller caller, String method, String path) {
        boolean stateless = path.startsWith("/engine-rest") || path.startsWith("/api");
        if (path.startsWith("/camunda")) {
            return caller.session().webapp(method, path, method.equals("GET") || method.equals("DELETE")
                    || method.equals("HEAD") || method.equals("OPTIONS") ? null : "{}");
        }
        Http http = stateless ? caller.basic() : caller.session();
        return switch (method) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            default -> stateless ? http.json(method, path, "{}")
                    : http.post(path, "application/x-www-form-urlencoded",
                            caller.csrf() == null ? "" : "_csrf=" + caller.csrf());
        };
    }

    /** Row counts, revision sums and the mailbox: anything a refused call might have changed. */
    private Map<String, Object> state() {
        Map<String, Object> state = jdbc.queryForMap("select "
                + "(select count(*) from user_account) users, (select coalesce(sum(version), 0) from user_account) user_versions, "
                + "(select count(*) from invitation) invitations, (select coalesce(sum(version), 0) from invitation) invitation_versions, "
                + "(select count(*) from audit_event where action not in ('SIGN_IN', 'SIGN_IN_FAILED')) audit, "
                + "(select count(*) from password_reset) resets, (select count(*) from client) clients, "
                + "(select count(*) from admin_client_scope) scopes, "
                + "(select count(*) from ACT_RU_EXECUTION) executions, (select coalesce(sum(REV_), 0) from ACT_RU_EXECUTION) execution_revisions, "
                + "(select count(*) from ACT_RU_TASK) tasks, (select coalesce(sum(REV_), 0) from ACT_RU_TASK) task_revisions, "
                + "(select count(*) from ACT_RU_JOB) jobs, (select coalesce(sum(REV_), 0) from ACT_RU_JOB) job_revisions, "
                + "(select count(*) from ACT_RU_VARIABLE) variables, (select coalesce(sum(REV_), 0) from ACT_RU_VARIABLE) variable_revisions, "
                + "(select count(*) from ACT_RU_INCIDENT) incidents, (select count(*) from ACT_RU_FILTER) filters, "
                + "(select count(*) from ACT_RU_AUTHORIZATION) authorizations, (select coalesce(sum(REV_), 0) from ACT_RU_AUTHORIZATION) authorization_revisions, "
                + "(select count(*) from ACT_ID_USER) camunda_users, (select coalesce(sum(REV_), 0) from ACT_ID_USER) camunda_user_revisions, "
                + "(select count(*) from ACT_ID_GROUP) camunda_groups, (select count(*) from ACT_ID_MEMBERSHIP) memberships, "
                + "(select count(*) from ACT_RE_DEPLOYMENT) deployments, (select count(*) from ACT_RE_PROCDEF) definitions, "
                + "(select count(*) from ACT_HI_PROCINST) historic_instances");
        state.put("mails", greenMail.getReceivedMessages().length);
        return state;
    }

    private static String difference(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((key, value) -> {
            if (!String.valueOf(value).equals(String.valueOf(after.get(key)))) {
                changed.add(key + " " + value + "→" + after.get(key));
            }
        });
        return changed.toString();
    }

    // ---- the route lists ----------------------------------------------------------------------------------------

    private Set<Route> mvcRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", pattern));
                    routes.add(new Route("POST", pattern));
                } else {
                    methods.forEach(method -> routes.add(new Route(method.name(), pattern)));
                }
            }
        }
        return routes;
    }

    /** The JAX-RS resource tree under {@code prefix}: methods with an HTTP method, and sub-resource locators. */
    static Set<Route> jaxRs(String prefix, Class<?> root) {
        Set<Route> routes = new LinkedHashSet<>();
        Path rootPath = AnnotatedElementUtils.findMergedAnnotation(root, Path.class);
        walk(join(prefix, rootPath == null ? "" : rootPath.value()), root, 0, routes);
        return routes;
    }

    private static void walk(String base, Class<?> type, int depth, Set<Route> routes) {
        for (Method method : type.getMethods()) {
            Path path = AnnotatedElementUtils.findMergedAnnotation(method, Path.class);
            String full = join(base, path == null ? "" : path.value());
            List<String> verbs = HTTP_METHODS.stream()
                    .filter(verb -> AnnotatedElementUtils.hasAnnotation(method, verb))
                    .map(verb -> verb.getSimpleName()).toList();
            if (!verbs.isEmpty()) {
                verbs.forEach(verb -> routes.add(new Route(verb, full)));
            } else if (path != null && depth < 8 && method.getReturnType() != Object.class) {
                walk(full, method.getReturnType(), depth + 1, routes);
            }
        }
    }

    private static String join(String base, String path) {
        String joined = (base + "/" + path).replaceAll("/+", "/");
        joined = PARAMETER.matcher(joined).replaceAll("{$1}");
        return joined.length() > 1 && joined.endsWith("/") && !base.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private boolean isPublic(Route route) {
        String t = route.template();
        return t.equals("/login") || t.equals("/logout") || t.equals("/") || t.startsWith("/register")
                || t.startsWith("/password-reset") || t.equals("/error") || t.startsWith("/css") || t.startsWith("/js");
    }

    /** The template with the ids of objects the callers must not reach. */
    private String concrete(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String before = template.substring(0, matcher.start());
            String[] segments = before.split("/");
            String previous = segments.length == 0 ? "" : segments[segments.length - 1];
            matcher.appendReplacement(path, Matcher.quoteReplacement(value(template, previous, matcher.group(1))));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String value(String template, String previous, String name) {
        if (name.equals("name") || name.equals("engine") || name.equals("engineName")) {
            return "default";
        }
        if (name.equals("adminId")) {
            return "demo";
        }
        if (name.equals("varName") || previous.equals("variables") || previous.equals("localVariables")) {
            return InvitationProcess.USER_LINK.name();
        }
        if (name.equals("key")) {
            return InvitationProcess.KEY;
        }
        if (template.startsWith("/users") || template.startsWith("/api/users")) {
            return ids.get("user");
        }
        if (template.startsWith("/clients") || template.startsWith("/api/clients")) {
            return ids.get("client");
        }
        return switch (previous) {
            case "process-instance", "execution", "process-instances" -> ids.get("instance");
            case "task" -> ids.get("task");
            case "job" -> ids.get("job");
            case "process-definition" -> ids.get("definition");
            case "deployment" -> ids.get("deployment");
            case "filter" -> ids.get("filter");
            case "user" -> "demo";
            case "group" -> "camunda-admin";
            case "members" -> ids.get("member");
            default -> "unknown";
        };
    }
}
