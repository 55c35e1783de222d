package com.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    record Name(@PlainText String value) {
    }

    record Text(@PlainText(lines = true) String value) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void namesHaveNoControlCharacters_notEvenLineBreaks() {
        assertThat(validator.validate(new Name("Zoë O'Brien-Ångström"))).isEmpty();
        assertThat(validator.validate(new Name(null))).isEmpty();
        for (String hostile : new String[] {"Anna\r\nBcc: x@example.com", "Anna\nBerg", "Anna\tBerg", "Anna\u0000",
                "\u001b[31mAnna", "Anna\u0085", "Anna\u2028Berg", "Anna\u007f"}) {
            assertThat(validator.validate(new Name(hostile))).as(hostile).hasSize(1);
        }
    }

    @Test
    void aPersonalTextHasLines_butNoOtherControlCharacters() {
        assertThat(validator.validate(new Text("Welcome!\r\nSee you on Monday.\n\tAnna"))).isEmpty();
        assertThat(validator.validate(new Text("Welcome\u0000"))).hasSize(1);
        assertThat(validator.validate(new Text("Welcome\u001b[2J"))).hasSize(1);
    }
}
