package dudao.deadlines;

import dudao.directory.Mailboxes;
import dudao.directory.Role;
import dudao.directory.UnitId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each committed rung by e-mail when the installation has an SMTP server ({@code spring.mail.host}; Spring Boot
 * then provides the mail sender): a reminder to the unit's staff; a supervision notice also to the group and the
 * district office over the place; an accountability record also to the discipline office. Without a server, nothing
 * is sent and the home page's list is the channel. A rung issued for a day further back than the catch-up horizon (the
 * demo and imports replaying the past) is not mailed. A failed delivery is logged and stops nothing: the rung stays
 * issued and listed.
 */
@Component
class DeadlineMail {

    private static final Logger log = LoggerFactory.getLogger(DeadlineMail.class);

    private static final Set<Role> OVER_THE_PLACE =
            EnumSet.of(Role.GROUP_LEADER, Role.GROUP_MEMBER, Role.DISTRICT_OFFICE);

    private final Optional<JavaMailSender> mail;
    private final Mailboxes mailboxes;
    private final JdbcClient jdbc;
    private final String from;
    private final String linkBase;
    private final Clock clock;
    private final DeadlinesProperties properties;
    private final DeadlineTexts texts;

    DeadlineMail(
            Optional<JavaMailSender> mail,
            Mailboxes mailboxes,
            JdbcClient jdbc,
            Clock clock,
            DeadlinesProperties properties,
            DeadlineTexts texts,
            @Value("${dudao.mail.from:noreply@dudao.invalid}") String from,
            @Value("${dudao.mail.link-base:${dudao.portal.public-url:}}") String linkBase) {
        this.mail = mail;
        this.mailboxes = mailboxes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.texts = texts;
        this.from = from;
        this.linkBase = linkBase == null ? "" : linkBase.replaceAll("/+$", "");
    }

    @TransactionalEventListener
    void issued(DeadlineStepIssued event) {
        var horizon = LocalDate.now(clock.withZone(properties.zone())).minus(properties.catchUp());
        if (event.step().issuedOn().isBefore(horizon)) {
            return;
        }
        mail.ifPresent(sender -> send(sender, event.step()));
    }

    /** Whether mail goes out at all (an SMTP server is configured). */
    boolean enabled() {
        return mail.isPresent();
    }

    void send(JavaMailSender sender, IssuedStep step) {
        var to = recipients(step);
        if (to.isEmpty()) {
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(texts.outgoing(step));
        message.setText(body(step));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn(
                    "Could not e-mail rung {} ({}) to {} recipients: {}",
                    step.id(),
                    step.rung(),
                    to.size(),
                    e.getMessage());
        }
    }

    Set<String> recipients(IssuedStep step) {
        var to = new LinkedHashSet<String>();
        if (step.unitId() != null) {
            to.addAll(mailboxes.ofUnit(new UnitId(step.unitId())));
        }
        if (step.rung() == Rung.SUPERVISION_NOTICE || step.rung() == Rung.ACCOUNTABILITY) {
            var regionPath = jdbc.sql("select region_path from deadline_step where id = ?")
                    .param(step.id())
                    .query(String.class)
                    .optional();
            regionPath.ifPresent(path -> {
                to.addAll(mailboxes.covering(path, OVER_THE_PLACE));
                if (step.rung() == Rung.ACCOUNTABILITY) {
                    to.addAll(mailboxes.covering(path, EnumSet.of(Role.DISCIPLINE)));
                }
            });
        }
        return to;
    }

    private String body(IssuedStep step) {
        var text = new StringBuilder();
        text.append(step.title()).append("\n\n");
        text.append(texts.mailLine("deadlines.mail.due", step, step.due().toString()))
                .append('\n');
        if (step.number() != null) {
            text.append(texts.mailLine("deadlines.mail.notice", step, step.number()))
                    .append('\n');
        }
        text.append(texts.mailLine(
                        "deadlines.mail.respondBy", step, step.respondBy().toString()))
                .append("\n\n");
        if (step.href() != null) {
            text.append(linkBase).append(step.href()).append('\n');
        }
        text.append('\n').append(texts.mailLine("deadlines.mail.footer", step)).append('\n');
        return text.toString();
    }
}
