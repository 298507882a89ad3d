package dudao.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dudao.DudaoTest;
import dudao.directory.RegionCode;
import dudao.directory.Units;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an SMTP server configured ({@code spring.mail.host}), every rung reaches people by e-mail: a real SMTP server
 * runs in the test (GreenMail) and the test reads back what it received. The demo accounts have addresses; 江津区
 * (500116) has the police handler, group 16's leader and the district office, 巴南区 (500113) has others who must
 * receive nothing of 江津's.
 */
@DudaoTest
class DeadlineMailTests {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    Deadlines deadlines;

    @Autowired
    Units units;

    final List<Subject> watched = new ArrayList<>();
    long police;

    @BeforeEach
    void clean() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        police = units.named(new RegionCode("500116"), "江津区公安局")
                .orElseThrow()
                .id()
                .value();
    }

    @AfterEach
    void stopWatching() {
        watched.forEach(deadlines::stop);
    }

    Subject watchInJiangjin(LocalDate due, String title) {
        var subject = new Subject("mailtest", IDS.incrementAndGet());
        watched.add(subject);
        deadlines.watch(new Watch(subject, 1, due, null, "/500000/500116/", police, title, "/problems/0"));
        return subject;
    }

    List<MimeMessage> mailAbout(String title) throws Exception {
        var found = new ArrayList<MimeMessage>();
        for (var m : SMTP.getReceivedMessages()) {
            if (m.getSubject().contains(title) && found.stream().noneMatch(f -> sameMessage(f, m))) {
                found.add(m);
            }
        }
        return found;
    }

    /** GreenMail keeps one copy per recipient; a message is one however many received it. */
    static boolean sameMessage(MimeMessage a, MimeMessage b) {
        try {
            return a.getMessageID().equals(b.getMessageID());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> to(MimeMessage m) throws Exception {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .map(Address::toString)
                .toList();
    }

    @Test
    void remindsTheUnitsStaffByMailBeforeTheDeadline() throws Exception {
        var today = deadlines.clockDay();
        var title = "邮件提醒测试" + IDS.incrementAndGet();
        watchInJiangjin(today.plusDays(3), title);
        deadlines.sweep(today);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        var mail = mailAbout(title);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject())
                .contains("整改期限将至")
                .contains(today.plusDays(3).toString());
        assertThat(to(mail.get(0))).containsExactly("jiangjin-police@dudao.example");
        assertThat(mail.get(0).getContent().toString()).contains("/problems/0");
    }

    @Test
    void sendsTheSupervisionNoticeWithItsNumberToTheUnitGroupAndDistrictThenAccountabilityToDiscipline()
            throws Exception {
        var today = deadlines.clockDay();
        var title = "邮件督办测试" + IDS.incrementAndGet();
        var subject = watchInJiangjin(today.minusDays(3), title);
        deadlines.sweep(today);
        var notice = deadlines.steps(subject).stream()
                .filter(s -> s.rung() == Rung.SUPERVISION_NOTICE)
                .findFirst()
                .orElseThrow();
        SMTP.waitForIncomingEmail(10_000, 4);
        var noticeMail = mailAbout(title).stream()
                .filter(m -> subjectOf(m).contains(notice.number()))
                .toList();
        assertThat(noticeMail).hasSize(1);
        assertThat(to(noticeMail.get(0)))
                .containsExactlyInAnyOrder(
                        "jiangjin-police@dudao.example", "group16@dudao.example", "jiangjin@dudao.example");

        deadlines.sweep(notice.respondBy().plusDays(1));
        SMTP.waitForIncomingEmail(10_000, 8);
        var accountability = mailAbout(title).stream()
                .filter(m -> subjectOf(m).contains("问责"))
                .toList();
        assertThat(accountability).hasSize(1);
        assertThat(to(accountability.get(0)))
                .contains("discipline@dudao.example", "jiangjin-police@dudao.example", "group16@dudao.example")
                .doesNotContain("group13@dudao.example", "banan@dudao.example", "city@dudao.example");
    }

    @Test
    void doesNotMailRungsOfAReplayedPast() throws Exception {
        var title = "邮件旧账测试" + IDS.incrementAndGet();
        var due = LocalDate.of(2004, 4, 10);
        var subject = watchInJiangjin(due, title);
        deadlines.sweep(due.plusDays(3));
        assertThat(deadlines.steps(subject)).isNotEmpty();
        var probe = "邮件探针" + IDS.incrementAndGet();
        watchInJiangjin(deadlines.clockDay().plusDays(1), probe);
        deadlines.sweep(deadlines.clockDay());
        SMTP.waitForIncomingEmail(10_000, 1);
        assertThat(mailAbout(probe)).hasSize(1);
        assertThat(mailAbout(title)).isEmpty();
    }

    static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
