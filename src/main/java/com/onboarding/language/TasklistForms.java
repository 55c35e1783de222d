package com.onboarding.language;

import com.onboarding.users.Language;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which Camunda Form a Tasklist task shows: the one in the reader's language. Tasklist speaks the browser's first
 * language (Camunda's own rule), and the engine resolves a user task's {@code camunda:formRef} expression while
 * answering that browser's request, whose Accept-Language Spring has put in {@link LocaleContextHolder}. So the
 * form and the Tasklist around it speak the same language. German forms are {@code forms/de/<id>.form} with the id
 * {@code <id>-de}; English is the form without a suffix.
 */
@Component("tasklistForms")
public class TasklistForms {

    /** Used in the BPMN as {@code camunda:formRef="${tasklistForms.inReadersLanguage('approve-request')}"}. */
    public String inReadersLanguage(String formId) {
        Language reader = Language.fromCode(LocaleContextHolder.getLocale().getLanguage()).orElse(Language.EN);
        return reader == Language.EN ? formId : formId + "-" + reader.code();
    }
}
