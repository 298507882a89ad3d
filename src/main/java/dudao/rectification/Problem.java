package dudao.rectification;

import dudao.directory.StaffId;
import dudao.directory.UnitId;
import dudao.platform.BadInput;
import dudao.platform.WorkflowViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A problem and its rectification workflow. Every allowed transition is a method here, and every refusal says why
 * with a message key: nothing outside this class changes a problem's status, cycle, units or deadline. Transitions
 * add entries to the timeline; the repository stores them with the new state in one transaction.
 */
public final class Problem {

    private final ProblemId id;
    private final long version;
    private ProblemStatus status;
    private int cycle;
    private LocalDate deadline;
    private List<UnitAssignment> units;
    private Feedback pendingFeedback;
    private Extension pendingExtension;
    private final List<TimelineEntry> added = new ArrayList<>();

    /** The feedback waiting for verification: who submitted it decides who may not verify it. */
    public record Feedback(StaffId submittedBy, UnitId unit) {}

    /** A requested extension waiting for approval; the old deadline stays in force until then. */
    public record Extension(StaffId requestedBy, UnitId unit, LocalDate newDeadline, String reason) {}

    Problem(
            ProblemId id,
            long version,
            ProblemStatus status,
            int cycle,
            LocalDate deadline,
            List<UnitAssignment> units,
            Feedback pendingFeedback,
            Extension pendingExtension) {
        this.id = id;
        this.version = version;
        this.status = Objects.requireNonNull(status);
        this.cycle = cycle;
        this.deadline = deadline;
        this.units = List.copyOf(units);
        this.pendingFeedback = pendingFeedback;
        this.pendingExtension = pendingExtension;
    }

    /** A problem just found; its id comes from the repository when it is stored. */
    static Problem record(Participant by, Instant at) {
        var problem = new Problem(null, 0, ProblemStatus.RECORDED, 1, null, List.of(), null, null);
        problem.log(Step.RECORDED, by, null, at, null, null);
        return problem;
    }

    /**
     * 交办: sends the problem to one lead unit and any assisting units, each with its own status, with a deadline that
     * is not in the past.
     */
    void assign(
            UnitId lead, List<UnitId> assisting, LocalDate newDeadline, Participant by, Instant at, LocalDate today) {
        if (status != ProblemStatus.RECORDED) {
            throw new WorkflowViolation("problem.assign.notRecorded", status);
        }
        if (lead == null) {
            throw new BadInput("leadUnit", "problem.assign.leadRequired");
        }
        requireFutureDeadline(newDeadline, today);
        var all = new LinkedHashSet<UnitId>();
        all.add(lead);
        for (var unit : assisting == null ? List.<UnitId>of() : assisting) {
            if (!all.add(unit)) {
                throw new BadInput("assistingUnits", "problem.assign.duplicateUnit");
            }
        }
        var assigned = new ArrayList<UnitAssignment>();
        for (var unit : all) {
            assigned.add(new UnitAssignment(unit, unit.equals(lead), UnitStatus.ASSIGNED));
        }
        units = List.copyOf(assigned);
        deadline = newDeadline;
        status = ProblemStatus.ASSIGNED;
        log(Step.ASSIGNED, by, null, at, null, null);
    }

    /** A unit confirms it has received the problem and is rectifying; the problem is rectifying once the lead has. */
    void acknowledge(Participant by, Instant at) {
        var mine = unitOf(by);
        if (mine.status() != UnitStatus.ASSIGNED) {
            throw new WorkflowViolation("problem.acknowledge.already");
        }
        replace(mine.with(UnitStatus.RECTIFYING));
        if (mine.lead()) {
            status = ProblemStatus.RECTIFYING;
        }
        log(Step.ACKNOWLEDGED, by, mine.unit(), at, null, null);
    }

    /**
     * A unit reports the measures it took. The lead unit's feedback is the one verified: it moves the problem to
     * “feedback submitted”. Evidence files are stored with the timeline entry this adds.
     */
    void submitFeedback(String measures, Participant by, Instant at) {
        if (measures == null || measures.isBlank()) {
            throw new BadInput("measures", "problem.feedback.measuresRequired");
        }
        var mine = unitOf(by);
        if (mine.status() != UnitStatus.RECTIFYING) {
            throw new WorkflowViolation(
                    mine.status() == UnitStatus.ASSIGNED
                            ? "problem.feedback.notAcknowledged"
                            : "problem.feedback.alreadySubmitted");
        }
        replace(mine.with(UnitStatus.FEEDBACK_SUBMITTED));
        if (mine.lead()) {
            status = ProblemStatus.FEEDBACK_SUBMITTED;
            pendingFeedback = new Feedback(by.id(), mine.unit());
        }
        log(Step.FEEDBACK_SUBMITTED, by, mine.unit(), at, null, measures.strip());
    }

    /** 销号: the verifier accepts the rectification; never the person who submitted the feedback. */
    void accept(String note, Participant by, Instant at) {
        requireVerifiable(by, "problem.accept.notSubmitted");
        units = units.stream().map(u -> u.with(UnitStatus.DONE)).toList();
        status = ProblemStatus.CLOSED;
        pendingFeedback = null;
        pendingExtension = null;
        log(Step.ACCEPTED, by, null, at, null, blankToNull(note));
    }

    /** The verifier finds the rectification insufficient: back to rectifying, with the reason. */
    void reject(String reason, Participant by, Instant at) {
        requireVerifiable(by, "problem.reject.notSubmitted");
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "problem.reject.reasonRequired");
        }
        units = units.stream()
                .map(u -> u.status() == UnitStatus.FEEDBACK_SUBMITTED ? u.with(UnitStatus.RECTIFYING) : u)
                .toList();
        status = ProblemStatus.RECTIFYING;
        pendingFeedback = null;
        log(Step.REJECTED, by, null, at, null, reason.strip());
    }

    /** 延期: a responsible unit asks for a later deadline, with a reason; the old one holds until approval. */
    void requestExtension(LocalDate newDeadline, String reason, Participant by, Instant at, LocalDate today) {
        var mine = unitOf(by);
        if (status != ProblemStatus.ASSIGNED && status != ProblemStatus.RECTIFYING) {
            throw new WorkflowViolation("problem.extend.notOpen", status);
        }
        if (pendingExtension != null) {
            throw new WorkflowViolation("problem.extend.pending");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "problem.extend.reasonRequired");
        }
        requireFutureDeadline(newDeadline, today);
        if (!newDeadline.isAfter(deadline)) {
            throw new BadInput("newDeadline", "problem.extend.notLater", deadline.toString());
        }
        pendingExtension = new Extension(by.id(), mine.unit(), newDeadline, reason.strip());
        log(Step.EXTENSION_REQUESTED, by, mine.unit(), at, null, reason.strip() + " → " + newDeadline);
    }

    /** Approves the pending extension; the timeline keeps the old and the new deadline. */
    void approveExtension(Participant by, Instant at) {
        if (pendingExtension == null) {
            throw new WorkflowViolation("problem.approveExtension.nonePending");
        }
        if (!status.open()) {
            throw new WorkflowViolation("problem.approveExtension.notOpen", status);
        }
        if (by.id().equals(pendingExtension.requestedBy())) {
            throw new WorkflowViolation("problem.approveExtension.self");
        }
        var previous = deadline;
        deadline = pendingExtension.newDeadline();
        var reason = pendingExtension.reason();
        pendingExtension = null;
        log(Step.EXTENSION_APPROVED, by, null, at, previous, reason);
    }

    /**
     * Declines the pending extension with a reason: the deadline in force stays, and the unit may ask again. Who asked
     * does not decide on their own request.
     */
    void declineExtension(String reason, Participant by, Instant at) {
        if (pendingExtension == null) {
            throw new WorkflowViolation("problem.declineExtension.nonePending");
        }
        if (!status.open()) {
            throw new WorkflowViolation("problem.declineExtension.notOpen", status);
        }
        if (by.id().equals(pendingExtension.requestedBy())) {
            throw new WorkflowViolation("problem.declineExtension.self");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "problem.declineExtension.reasonRequired");
        }
        var asked = pendingExtension.newDeadline();
        pendingExtension = null;
        log(Step.EXTENSION_DECLINED, by, null, at, null, reason.strip() + " (" + asked + ")");
    }

    /**
     * 回头看 found a relapse: the closed problem opens again as a new cycle of the same record, assigned to the same
     * units with a new deadline. The statistics count it as not rectified from this moment.
     */
    void reopen(String reason, LocalDate newDeadline, Participant by, Instant at, LocalDate today) {
        if (status != ProblemStatus.CLOSED) {
            throw new WorkflowViolation("problem.reopen.notClosed", status);
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "problem.reopen.reasonRequired");
        }
        requireFutureDeadline(newDeadline, today);
        var previous = deadline;
        cycle++;
        units = units.stream().map(u -> u.with(UnitStatus.ASSIGNED)).toList();
        deadline = newDeadline;
        status = ProblemStatus.ASSIGNED;
        log(Step.REOPENED, by, null, at, previous, reason.strip());
    }

    /**
     * 回头看 found no relapse: the problem stays closed, and the timeline says who re-checked it and what they saw.
     */
    void passLookBack(String note, Participant by, Instant at) {
        if (status != ProblemStatus.CLOSED) {
            throw new WorkflowViolation("problem.passLookBack.notClosed", status);
        }
        log(Step.LOOK_BACK_PASSED, by, null, at, null, blankToNull(note));
    }

    /** Overdue: open, not waiting for verification, and the deadline has passed. Derived, never stored. */
    public boolean isOverdue(LocalDate today) {
        return (status == ProblemStatus.ASSIGNED || status == ProblemStatus.RECTIFYING)
                && deadline != null
                && deadline.isBefore(today);
    }

    private void requireVerifiable(Participant by, String notSubmittedKey) {
        if (status != ProblemStatus.FEEDBACK_SUBMITTED) {
            throw new WorkflowViolation(notSubmittedKey, status);
        }
        if (by.id().equals(pendingFeedback.submittedBy())) {
            throw new WorkflowViolation("problem.verify.selfVerification");
        }
        if (by.unit() != null && units.stream().anyMatch(u -> u.unit().equals(by.unit()))) {
            throw new WorkflowViolation("problem.verify.ownUnit");
        }
    }

    private static void requireFutureDeadline(LocalDate newDeadline, LocalDate today) {
        if (newDeadline == null) {
            throw new BadInput("deadline", "problem.deadline.required");
        }
        if (newDeadline.isBefore(today)) {
            throw new BadInput("deadline", "problem.deadline.past", today.toString());
        }
    }

    private UnitAssignment unitOf(Participant by) {
        if (status == ProblemStatus.RECORDED) {
            throw new WorkflowViolation("problem.notAssigned");
        }
        if (status == ProblemStatus.CLOSED) {
            throw new WorkflowViolation("problem.closed");
        }
        return units.stream()
                .filter(u -> u.unit().equals(by.unit()))
                .findFirst()
                .orElseThrow(() -> new WorkflowViolation("problem.notYourUnit"));
    }

    private void replace(UnitAssignment changed) {
        units = units.stream()
                .map(u -> u.unit().equals(changed.unit()) ? changed : u)
                .toList();
    }

    private void log(Step step, Participant by, UnitId unit, Instant at, LocalDate previousDeadline, String text) {
        added.add(
                new TimelineEntry(step, cycle, by.id(), by.name(), unit, at, status, deadline, previousDeadline, text));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ProblemId id() {
        return id;
    }

    public long version() {
        return version;
    }

    public ProblemStatus status() {
        return status;
    }

    public int cycle() {
        return cycle;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public List<UnitAssignment> units() {
        return units;
    }

    public UnitAssignment lead() {
        return units.stream().filter(UnitAssignment::lead).findFirst().orElse(null);
    }

    public Feedback pendingFeedback() {
        return pendingFeedback;
    }

    public Extension pendingExtension() {
        return pendingExtension;
    }

    /** Timeline entries added since the problem was loaded, in order. */
    List<TimelineEntry> added() {
        return List.copyOf(added);
    }
}
