package dudao.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters other than tab, line feed and carriage return. A NUL (escaped in JSON,
 * {@code %00} in a form) is refused by PostgreSQL in a text column, so it is refused here first, with
 * a sentence naming the field, instead of failing the statement (or a whole batch of other people's tips) with a 500.
 * Null is valid (other constraints say whether the value is required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    String message() default "{validation.controlCharacters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check, for Bean Validation and for values that arrive one by one (request parameters). */
    class Check implements ConstraintValidator<PlainText, CharSequence> {

        /** Whether the text holds no control character but tab, line feed and carriage return (null holds none). */
        public static boolean isPlain(CharSequence text) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        /**
         * Refuses text with control characters with a {@link BadInput} on {@code field} whose sentence names the field by
         * its label's message key.
         */
        public static void require(String field, String labelKey, String text) {
            if (!isPlain(text)) {
                throw new BadInput(
                        field,
                        "validation.controlCharacters.field",
                        new org.springframework.context.support.DefaultMessageSourceResolvable(labelKey));
            }
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return isPlain(value);
        }
    }
}
