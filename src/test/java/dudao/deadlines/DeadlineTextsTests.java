package dudao.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A rung's words name the deadline for what it is, the same on the home page, in the SMS and the mail. */
class DeadlineTextsTests {

    final DeadlineTexts texts = new DeadlineTexts(messages());

    static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/deadlines/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static IssuedStep step(String type, Rung rung) {
        return new IssuedStep(
                1,
                new Subject(type, 7),
                rung,
                1,
                LocalDate.of(2018, 7, 20),
                LocalDate.of(2018, 7, 17),
                Instant.parse("2018-07-17T01:00:00Z"),
                LocalDate.of(2018, 7, 20),
                rung == Rung.SUPERVISION_NOTICE ? "渝扫黑办督〔2018〕12号" : null,
                3L,
                "江津区：农贸市场强收管理费",
                "/clues/7");
    }

    @Test
    void aProblemsReminderSpeaksOfTheRectificationDeadline() {
        assertThat(texts.outgoing(step("problem", Rung.REMINDER_BEFORE)))
                .isEqualTo("【督导】整改期限将至（2018-07-20）：江津区：农贸市场强收管理费");
    }

    @Test
    void aCluesRemindersSpeakOfTheHandlingAndTheReplyDeadline() {
        assertThat(texts.outgoing(step("clue", Rung.REMINDER_AFTER))).startsWith("【督导】已超过线索办理期限（2018-07-20）");
        assertThat(texts.outgoing(step("cluereply", Rung.REMINDER_BEFORE))).startsWith("【督导】答复举报人期限将至");
        assertThat(texts.mailLine("deadlines.mail.due", step("cluereply", Rung.REMINDER_BEFORE), "2018-07-20"))
                .isEqualTo("答复期限：2018-07-20");
    }

    @Test
    void aNoticeCarriesItsNumberWhateverItBelongsTo() {
        assertThat(texts.outgoing(step("clue", Rung.SUPERVISION_NOTICE))).contains("渝扫黑办督〔2018〕12号");
        assertThat(texts.sentence(step("problem", Rung.SUPERVISION_NOTICE), Locale.ENGLISH))
                .startsWith("Supervision notice 渝扫黑办督〔2018〕12号");
    }
}
