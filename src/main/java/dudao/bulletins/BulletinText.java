package dudao.bulletins;

import dudao.platform.BadInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a daily bulletin, kept as a template whose every number is a placeholder bound to a figure:
 * {@code {problemsFound}} prints the figure, {@code {documents~}} prints it rounded down with 余 as the official style
 * does (80000余份), {@code {date}} prints the bulletin's date (7月30日). Editors reword the sentences freely; a number
 * typed by hand is refused, so the text can never say something the figures do not.
 */
final class BulletinText {

    static final String DEFAULT = """
            {date}，全市{groups}个检查指导组按照工作安排继续开展检查指导工作。据了解，检查指导工作期间，共调阅文件资料{documents~}份，\
            走访群众{residentsDistrict~}人，发放调查问卷{questionnaires~}份，走访单位{units~}个，个别谈话{talks}人；\
            下沉镇街期间，走访群众{residentsTownships~}人，走访乡镇（街道）{townships~}个，明察暗访挂牌重点整治地区{keyAreas}个。
            {groups}个检查组共发现问题{problemsFound}个，已推动整改落实{problemsClosed}个，整改率{rectificationRate}%，\
            逾期未整改问题{problemsOverdue}个。
            共受理群众举报线索{cluesReceived}件，其中属于专项斗争范围{cluesInScope}件，经查证属实{cluesVerifiedTrue}件，\
            立案{cluesCases}件，办结{cluesClosed}件。
            问卷调查显示，群众对扫黑除恶专项斗争的知晓率为{awarenessRate}%。""";

    static final int MAX_LENGTH = 10_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(~?)}");
    private static final Pattern DIGITS = Pattern.compile("[0-9０-９]+");

    /** A notable practice of a group, added as a paragraph: the group is named from the data, the text has no numbers. */
    record Practice(int group, String text) {}

    private BulletinText() {}

    /** The rule for a submitted template: known placeholders only, no stray braces, no number typed by hand. */
    static String check(String template) {
        if (template == null || template.isBlank()) {
            throw new BadInput("template", "validation.required");
        }
        if (template.length() > MAX_LENGTH) {
            throw new BadInput("template", "validation.tooLong");
        }
        var m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            var name = m.group(1);
            if (!name.equals("date") && Measure.byKey(name).isEmpty()) {
                throw new BadInput("template", "bulletins.text.unknownFigure", name);
            }
        }
        var rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new BadInput("template", "bulletins.text.placeholder");
        }
        var digits = DIGITS.matcher(rest);
        if (digits.find()) {
            throw new BadInput("template", "bulletins.text.handNumber", digits.group());
        }
        return template.strip();
    }

    static void checkPractice(Practice practice) {
        if (practice.text() == null || practice.text().isBlank()) {
            throw new BadInput("practices", "validation.required");
        }
        if (practice.text().length() > 2000) {
            throw new BadInput("practices", "validation.tooLong");
        }
        var digits = DIGITS.matcher(practice.text());
        if (digits.find()) {
            throw new BadInput("practices", "bulletins.text.handNumber", digits.group());
        }
    }

    /** The paragraphs of the text with every placeholder replaced by its figure of the line. */
    static List<String> render(String template, Line total, LocalDate date) {
        var out = new ArrayList<String>();
        for (var paragraph : template.split("\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            var m = PLACEHOLDER.matcher(paragraph);
            var sb = new StringBuilder();
            while (m.find()) {
                String value;
                if (m.group(1).equals("date")) {
                    value = date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
                } else {
                    var measure = Measure.byKey(m.group(1)).orElseThrow();
                    value = format(total.cumulative(measure), !m.group(2).isEmpty());
                }
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.add(sb.toString().strip());
        }
        return out;
    }

    /** 80,512 approximately is 80500余; 3,861 is 3800余; 157 is 150余; below a hundred the figure itself. */
    static String format(Number value, boolean approximate) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double || value instanceof Float) {
            var d = value.doubleValue();
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        long n = value.longValue();
        if (!approximate || n < 100) {
            return Long.toString(n);
        }
        long step = n >= 1000 ? 100 : 10;
        long floor = n / step * step;
        return floor == n ? Long.toString(n) : floor + "余";
    }

    static String practiceParagraph(Practice practice, String region) {
        return "第" + practice.group() + "组（" + region + "）" + practice.text().strip();
    }
}
