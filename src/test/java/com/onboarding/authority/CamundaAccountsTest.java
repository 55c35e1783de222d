package com.onboarding.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.security.SignInProviders;
import com.onboarding.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Camunda users (the administrators): their changes are audited whoever makes them, their passwords follow the
 * product's rules and are stored with Argon2id, and signing in takes as long whether the name exists or not.
 */
class CamundaAccountsTest extends AdminTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignInProviders signIn;

    String newId() {
        return "acct" + uniqueEmail().substring(5, 13);
    }

    List<AuditEvent> about(String adminId) {
        return audit.findBySubjectAdminIdOrderByOccurredAtAsc(adminId);
    }

    @Test
    void identityChangesThroughTheEngineRestApiAreAudited_andReported() {
        Http demo = Http.basic(port, "demo", DEMO_PASSWORD);
        String id = newId();
        assertThat(demo.json("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
                + "\",\"firstName\":\"Ole\",\"lastName\":\"Lund\",\"email\":\"" + id + "@example.com\"},"
                + "\"credentials\":{\"password\":\"Tulip-Field-7!\"}}").status()).isEqualTo(204);
        assertThat(demo.put("/engine-rest/group/" + CamundaGrants.PROCESS_OWNERS + "/members/" + id).status())
                .isEqualTo(204);
        assertThat(demo.json("PUT", "/engine-rest/user/" + id + "/credentials", "{\"password\":\"Rose-Garden-8?\","
                + "\"authenticatedUserPassword\":\"" + DEMO_PASSWORD + "\"}").status()).isEqualTo(204);
        assertThat(demo.delete("/engine-rest/group/" + CamundaGrants.PROCESS_OWNERS + "/members/" + id).status())
                .isEqualTo(204);

        assertThat(about(id)).extracting(AuditEvent::getAction).containsExactly(AuditAction.ADMIN_CREATED,
                AuditAction.ADMIN_GROUP_JOINED, AuditAction.ADMIN_PASSWORD_CHANGED, AuditAction.ADMIN_GROUP_LEFT);
        assertThat(about(id)).extracting(AuditEvent::getActor).containsOnly("demo");
        assertThat(about(id).get(1).getDetails()).isEqualTo("group " + CamundaGrants.PROCESS_OWNERS);

        Http globalAdmin = Http.session(port, "demo", DEMO_PASSWORD);
        var report = globalAdmin.formWithToken("/admins/" + id + "/security-report", Map.of(), csrfOf(globalAdmin));
        assertThat(report.header("Location")).endsWith("/admins");
        var mail = mailsTo("demo@onboarding.local");
        assertThat(mail).isNotEmpty();
        assertThat(textPart(mail.get(mail.size() - 1))).contains("Security report: Ole Lund")
                .contains("Administrator account created").contains("Added to a Camunda group")
                .contains("Administrator's password changed").contains("by demo");
    }

    /**
     * Every administrator keeps their own Camunda profile and password (Camunda's grant to each user on themselves,
     * kept on purpose: names and addresses change), audited; nobody else's, and no scope comes with it.
     */
    @Test
    void aScopedAdminChangesTheirOwnProfileOnly_audited() {
        String scoped = scopedAdmin(List.of(acme()), List.of());
        Http self = Http.basic(port, scoped, PASSWORD);
        assertThat(self.json("PUT", "/engine-rest/user/" + scoped + "/profile", "{\"id\":\"" + scoped
                + "\",\"firstName\":\"Greta\",\"lastName\":\"Renamed\",\"email\":\"" + scoped
                + "@example.com\"}").status()).isEqualTo(204);
        assertThat(about(scoped)).extracting(AuditEvent::getAction).contains(AuditAction.ADMIN_CHANGED);
        assertThat(about(scoped).get(about(scoped).size() - 1).getActor()).isEqualTo(scoped);

        String other = scopedAdmin(List.of(acme()), List.of());
        assertThat(self.json("PUT", "/engine-rest/user/" + other + "/profile", "{\"id\":\"" + other
                + "\",\"firstName\":\"Mallory\",\"lastName\":\"X\",\"email\":\"m@example.com\"}").status())
                .as("refused, without saying whether the user exists").isIn(403, 404);
        assertThat(self.json("PUT", "/engine-rest/user/demo/profile", "{\"id\":\"demo\",\"firstName\":\"M\","
                + "\"lastName\":\"X\",\"email\":\"m@example.com\"}").status()).isIn(403, 404);
        assertThat(identity.createUserQuery().userId("demo").singleResult().getEmail())
                .isEqualTo("demo@onboarding.local");
        assertThat(self.put("/engine-rest/group/camunda-admin/members/" + scoped).status()).isEqualTo(403);
        assertThat(adminScopes.of(scoped).global()).isFalse();
    }

    /** The CSRF token of a signed-in session's Administrators page. */
    private static String csrfOf(Http session) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(session.get("/admins").body());
        return matcher.find() ? matcher.group(1) : "";
    }

    @Test
    void adminPasswordsFollowTheProductsRules() {
        for (String weak : List.of("short1!A", "alllowercase1!", "NoDigits!!", "NoSpecial123", "With\u0000Nul-1A")) {
            String id = newId();
            User user = identity.newUser(id);
            user.setPassword(weak);
            if (weak.length() < 9) {
                user.setPassword("Ab1!");
            }
            // A BadUserRequestException (400 over /engine-rest, not a 500) that names the rules.
            assertThatThrownBy(() -> identity.saveUser(user)).as(weak)
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("does not follow the password rules: 8 to 64 characters");
            assertThat(identity.createUserQuery().userId(id).count()).isZero();
        }
        assertThat(identity.getPasswordPolicy().getRules()).extracting(rule -> rule.getPlaceholder())
                .contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_SPECIAL", "PASSWORD_POLICY_NO_CONTROL_CHARACTERS",
                        "PASSWORD_POLICY_USER_DATA");
    }

    @Test
    void adminPasswordsAreStoredWithArgon2id_andOldHashesAreUpgradedAtTheNextSignIn() {
        String id = newId();
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        assertThat(storedHash(id)).startsWith("{ARGON2ID}$argon2id$");

        // A password from before: Camunda's salted SHA-512.
        String salt = jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class, id);
        String legacy = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword(PASSWORD, salt));
        jdbc.update("update ACT_ID_USER set PWD_ = ? where ID_ = ?", legacy, id);

        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, PASSWORD))
                .isAuthenticated()).isTrue();
        assertThat(storedHash(id)).startsWith("{ARGON2ID}$argon2id$");
        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
        assertThat(identity.checkPassword(id, "Wrong-Pass-1!")).isFalse();
    }

    private String storedHash(String id) {
        return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, id);
    }

    @Test
    void aRememberedSignInEndsTheMomentThePasswordChangesOrTheAccountGoes() {
        String id = newId();
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, PASSWORD))
                .isAuthenticated()).isTrue();

        User changed = identity.createUserQuery().userId(id).singleResult();
        changed.setPassword("Rose-Garden-8?");
        identity.saveUser(changed);
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, "Rose-Garden-8?"))
                .isAuthenticated()).isTrue();
        identity.deleteUser(id);
        assertThatThrownBy(() -> signIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(id, "Rose-Garden-8?")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void camundasOwnLockOutIsOff_soAKnownNameAnswersLikeAnUnknownOne() {
        String id = newId();
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        for (int i = 0; i < 12; i++) {
            assertThat(identity.checkPassword(id, "Wrong-Pass-1!")).isFalse();
        }
        // Camunda would have locked the account for good after ten wrong passwords.
        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
    }

    /**
     * Every failed sign-in costs one Argon2 check: an unknown name, a deactivated or invited user, and a known
     * admin with a wrong password take about as long. Medians of interleaved attempts (distinct names, so that the
     * throttle does not answer early); the figures are printed.
     */
    @Test
    void aFailedSignInTakesAsLongWhetherTheNameExistsOrNot() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = newId();
            User user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            known.add(failedSignInNanos(id));
            unknown.add(failedSignInNanos(newId()));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        System.out.printf("Failed sign-in, median of 7: known admin %.1f ms, unknown name %.1f ms%n",
                knownMedian / 1e6, unknownMedian / 1e6);
        assertThat((double) knownMedian / unknownMedian).isBetween(0.5, 2.0);
    }

    private long failedSignInNanos(String name) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
                "Wrong-Pass-1!"))).isInstanceOf(BadCredentialsException.class);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
