package dudao.platform;

import java.util.ArrayList;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.DefaultMessageCodesResolver;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * A value that could not be converted to its field's type: a date that is not one, a word where a number belongs, a
 * role that does not exist. The sentence comes from the bundles under Spring's binding codes, most specific first
 * ({@code typeMismatch.<field>}, {@code typeMismatch.<type>}, {@code typeMismatch.java.lang.Enum} for every enum,
 * {@code typeMismatch}), so no converter's English text and no Java class name reaches the user.
 *
 * @param field the field, as the caller named it ({@code role}, {@code items[2].count})
 * @param type the type the value should have had, if known
 */
record TypeMismatch(String field, Class<?> type) {

    static final String CODE = "typeMismatch";
    static final String ENUM_CODE = CODE + ".java.lang.Enum";

    MessageSourceResolvable message() {
        var codes = new ArrayList<String>();
        if (field != null && !field.isBlank()) {
            codes.add(CODE + "." + field);
        }
        if (type != null) {
            codes.add(CODE + "." + type.getName());
            if (type.isEnum()) {
                codes.add(ENUM_CODE);
            }
        }
        codes.add(CODE);
        return new DefaultMessageSourceResolvable(codes.toArray(String[]::new));
    }

    /**
     * The field of a JSON body whose value had the wrong type (a string for a number, an unknown enum constant); empty
     * for a body that is not JSON at all or has the wrong shape as a whole.
     */
    static Optional<TypeMismatch> in(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && !(cause instanceof PropertyBindingException)) {
                var field = new StringBuilder();
                for (var reference : mismatch.getPath()) {
                    if (reference.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        field.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return field.isEmpty()
                        ? Optional.empty()
                        : Optional.of(new TypeMismatch(field.toString(), mismatch.getTargetType()));
            }
        }
        return Optional.empty();
    }

    /** Spring's codes for binding errors, with the enum code added for every enum field (see {@link #message()}). */
    static final class Codes extends DefaultMessageCodesResolver {

        @Override
        public String[] resolveMessageCodes(String errorCode, String objectName, String field, Class<?> fieldType) {
            var codes = super.resolveMessageCodes(errorCode, objectName, field, fieldType);
            if (!CODE.equals(errorCode) || fieldType == null || !fieldType.isEnum()) {
                return codes;
            }
            var withEnum = new ArrayList<String>(java.util.List.of(codes));
            withEnum.add(withEnum.indexOf(CODE) < 0 ? withEnum.size() : withEnum.indexOf(CODE), ENUM_CODE);
            return withEnum.toArray(String[]::new);
        }
    }
}
