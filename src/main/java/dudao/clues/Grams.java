package dudao.clues;

import java.util.StringJoiner;

/**
 * A text as its overlapping pairs of letters or digits, space-separated: what the similarity index holds. Chinese is
 * written without spaces, and pairs of characters (the usual unit of Chinese words) make a re-worded tip score well
 * above an unrelated one, where pg_trgm on the raw text scores both low.
 */
final class Grams {

    private Grams() {}

    static String of(String text) {
        if (text == null) {
            return "";
        }
        var chars = text.codePoints().filter(Character::isLetterOrDigit).toArray();
        if (chars.length < 2) {
            return new String(chars, 0, chars.length);
        }
        var out = new StringJoiner(" ");
        for (int i = 0; i + 1 < chars.length; i++) {
            out.add(new String(chars, i, 2));
        }
        return out.toString();
    }
}
