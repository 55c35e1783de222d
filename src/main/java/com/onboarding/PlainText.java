package com.onboarding;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed, without control characters: no NUL, no escape sequences, and in single-line fields (names)
 * no line breaks or tabs either. A line break in a name would end up in mails and CSV exports as a line of its own;
 * the other control characters only ever arrive from scripts. Null passes (say so with NotBlank).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    String message() default "{text.controlCharacters}";

    /** Whether line breaks and tabs are allowed (a personal text has lines; a name has none). */
    boolean lines() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, String> {

        private boolean lines;

        @Override
        public void initialize(PlainText annotation) {
            lines = annotation.lines();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || text.codePoints().noneMatch(c -> isControl(c)
                    && !(lines && (c == '\n' || c == '\r' || c == '\t')));
        }

        /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
        private static boolean isControl(int c) {
            return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
        }
    }
}
