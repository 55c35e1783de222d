package com.onboarding.users;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** An address that every mail server can deliver to (see {@link EmailAddress}); blank passes (say so with NotBlank). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DeliverableEmail.Check.class)
public @interface DeliverableEmail {

    String message() default "{user.email.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DeliverableEmail, String> {

        @Override
        public boolean isValid(String email, ConstraintValidatorContext context) {
            if (email == null || email.isBlank()) {
                return true;
            }
            return EmailAddress.problem(email).map(problem -> {
                if (problem == EmailAddress.Problem.NON_ASCII_LOCAL_PART) {
                    context.disableDefaultConstraintViolation();
                    context.unwrap(HibernateConstraintValidatorContext.class)
                            .buildConstraintViolationWithTemplate("{user.email.nonAscii}")
                            .enableExpressionLanguage().addConstraintViolation();
                }
                return false;
            }).orElse(true);
        }
    }
}
