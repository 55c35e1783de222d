package com.onboarding.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.scopes.AdminScopes;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four-eyes rule alone, without Spring or an engine: who may decide, and what a decision needs. */
class FourEyesTest {

    final EngineActor actor = mock(EngineActor.class);
    final AdminScopes scopes = mock(AdminScopes.class);
    final Texts texts = mock(Texts.class);
    final FourEyes fourEyes = new FourEyes(actor, scopes, texts);

    @BeforeEach
    void messagesByKey() {
        when(texts.of(anyString(), any(Object[].class))).thenAnswer(call -> call.getArgument(0));
        when(scopes.isGlobal("anna")).thenReturn(true);
        when(scopes.isGlobal("bert")).thenReturn(true);
        when(scopes.isGlobal("scoped")).thenReturn(false);
    }

    @Test
    void anotherGlobalAdminApproves() {
        when(actor.current()).thenReturn(Optional.of("bert"));
        assertThat(fourEyes.decide("anna", FourEyes.APPROVE, null))
                .isEqualTo(new FourEyes.Decision("bert", true, null));
    }

    @Test
    void aRejectionKeepsItsReasonWithoutTheSurroundingSpace() {
        when(actor.current()).thenReturn(Optional.of("bert"));
        assertThat(fourEyes.decide("anna", FourEyes.REJECT, "  Not before the contract is signed.\n"))
                .isEqualTo(new FourEyes.Decision("bert", false, "Not before the contract is signed."));
    }

    @Test
    void theRequesterNeverDecidesTheirOwnRequest() {
        when(actor.current()).thenReturn(Optional.of("anna"));
        assertRefused(() -> fourEyes.decide("anna", FourEyes.APPROVE, null), "tasklist.fourEyes.ownRequest");
    }

    @Test
    void onlyGlobalAdminsDecide() {
        when(actor.current()).thenReturn(Optional.of("scoped"));
        assertRefused(() -> fourEyes.decide("anna", FourEyes.APPROVE, null), "tasklist.fourEyes.globalOnly");
    }

    @Test
    void nobodySignedIn_isNoDecision() {
        when(actor.current()).thenReturn(Optional.empty());
        assertThatThrownBy(() -> fourEyes.decide("anna", FourEyes.APPROVE, null))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aRejectionNeedsAReasonOfAtMostTheColumnsSize() {
        when(actor.current()).thenReturn(Optional.of("bert"));
        assertRefused(() -> fourEyes.decide("anna", FourEyes.REJECT, " \t "), "tasklist.fourEyes.reasonMissing");
        assertRefused(() -> fourEyes.decide("anna", FourEyes.REJECT, null), "tasklist.fourEyes.reasonMissing");
        assertRefused(() -> fourEyes.decide("anna", FourEyes.REJECT, "x".repeat(FourEyes.MAX_REASON + 1)),
                "tasklist.fourEyes.reasonTooLong");
        assertThat(fourEyes.decide("anna", FourEyes.REJECT, "x".repeat(FourEyes.MAX_REASON)).approved()).isFalse();
    }

    @Test
    void anythingButApproveOrReject_isRefused() {
        when(actor.current()).thenReturn(Optional.of("bert"));
        assertRefused(() -> fourEyes.decide("anna", null, null), "tasklist.fourEyes.choose");
        assertRefused(() -> fourEyes.decide("anna", "APPROVE", null), "tasklist.fourEyes.choose");
    }

    private static void assertRefused(Runnable decision, String messageKey) {
        assertThatThrownBy(decision::run).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(messageKey);
    }
}
