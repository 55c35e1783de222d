package com.onboarding.engine;

import java.util.regex.Pattern;

/**
 * The models' ids follow the Camunda Modeler's convention: the kind first, then what the element is
 * ({@code Activity_SendInvitationMail}, {@code Gateway_Approved}, {@code Event_LinkExpired}, {@code Flow_…},
 * {@code Message_…}, {@code TimerEventDefinition_…}). Texts are keyed by what the element is, without its kind, so a
 * task's name or a failed step reads the same on the versions deployed before the convention
 * ({@code SendInvitationMail}) and after it.
 */
public final class ElementIds {

    /** The kinds a model's ids begin with; docs/changing-the-flow.md publishes them. */
    private static final Pattern KIND = Pattern.compile("^(Activity|Gateway|Event|Flow|Message|[A-Z][A-Za-z]*EventDefinition)_");

    private ElementIds() {
    }

    /** What the element is, without its kind: {@code SendInvitationMail} for {@code Activity_SendInvitationMail}. */
    public static String withoutKind(String id) {
        return id == null ? null : KIND.matcher(id).replaceFirst("");
    }
}
