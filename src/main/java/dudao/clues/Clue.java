package dudao.clues;

import dudao.platform.WorkflowViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A clue's handling: received → triaged in scope (涉黑/涉恶) or transferred out (分类移交) → assigned to a handling unit
 * with a time limit (交办) → verified by that unit (查证) → reviewed by the group or city office (accepted, or sent back
 * to the unit) → closed, after the reporter has had a reply when they left a way to be reached. A duplicate is merged
 * into another clue and can be split off again. Every transition says why it refuses; nothing changes when it does.
 */
public final class Clue {

    private final ClueId id;
    private final String districtPath;
    private final boolean hasContact;
    private final boolean officialsNamed;
    private ClueStatus status;
    private Scope scope;
    private ActivityCategory subCategory;
    private Instant triagedAt;
    private String transferDepartment;
    private String transferLetter;
    private Instant transferredAt;
    private Long handlingUnit;
    private Integer timeLimitDays;
    private LocalDate dueOn;
    private Instant assignedAt;
    private Set<VerifyMethod> methods = Set.of();
    private String findings;
    private VerifyResult result;
    private Instant verifiedAt;
    private String reviewComment;
    private Instant reviewedAt;
    private int sendBacks;
    private Instant repliedAt;
    private Instant closedAt;
    private ClueId mergedInto;
    private Instant mergedAt;
    private ClueStatus statusBeforeMerge;
    private boolean keyClue;
    private String studyConclusion;

    /** A clue just received. */
    static Clue received(ClueId id, String districtPath, boolean hasContact, boolean officialsNamed) {
        return new Clue(id, districtPath, hasContact, officialsNamed, ClueStatus.RECEIVED);
    }

    Clue(ClueId id, String districtPath, boolean hasContact, boolean officialsNamed, ClueStatus status) {
        this.id = Objects.requireNonNull(id);
        this.districtPath = districtPath;
        this.hasContact = hasContact;
        this.officialsNamed = officialsNamed;
        this.status = status;
    }

    void triage(Scope scope, ActivityCategory subCategory, Instant at) {
        if (status != ClueStatus.RECEIVED) {
            throw new WorkflowViolation("clue.triage.notReceived", status);
        }
        if (subCategory == ActivityCategory.UNKNOWN) {
            throw new WorkflowViolation("clue.triage.subCategoryUnknown");
        }
        this.scope = Objects.requireNonNull(scope);
        this.subCategory = subCategory;
        this.triagedAt = at;
        this.status = ClueStatus.IN_SCOPE;
    }

    /** Out of the campaign's scope: to the competent department, with the transfer letter (分类移交). */
    void transfer(String department, String letter, Instant at) {
        if (status != ClueStatus.RECEIVED && status != ClueStatus.IN_SCOPE) {
            throw new WorkflowViolation("clue.transfer.notOpen", status);
        }
        this.scope = null;
        this.subCategory = null;
        this.transferDepartment = department;
        this.transferLetter = letter;
        this.transferredAt = at;
        this.triagedAt = this.triagedAt == null ? at : this.triagedAt;
        this.status = ClueStatus.TRANSFERRED;
    }

    /**
     * To a handling unit with a time limit; a clue already assigned but not yet verified can be given to another unit.
     * A clue naming officials never goes to a unit of the district it implicates.
     */
    void assign(long unit, String unitRegionPath, int days, LocalDate due, Instant at) {
        if (status != ClueStatus.IN_SCOPE && status != ClueStatus.ASSIGNED) {
            throw new WorkflowViolation("clue.assign.notTriaged", status);
        }
        if (officialsNamed && districtPath != null && unitRegionPath.startsWith(districtPath)) {
            throw new WorkflowViolation("clue.assign.implicatedDistrict");
        }
        this.handlingUnit = unit;
        this.timeLimitDays = days;
        this.dueOn = due;
        this.assignedAt = at;
        this.status = ClueStatus.ASSIGNED;
    }

    /** The handling unit's verification; discipline may verify a clue naming officials itself. */
    void verify(
            Long actorUnit,
            boolean disciplineActor,
            Set<VerifyMethod> methods,
            String findings,
            VerifyResult result,
            Instant at) {
        if (status != ClueStatus.ASSIGNED) {
            throw new WorkflowViolation("clue.verify.notAssigned", status);
        }
        boolean ownUnit = actorUnit != null && actorUnit.equals(handlingUnit);
        if (!ownUnit && !(disciplineActor && officialsNamed)) {
            throw new WorkflowViolation("clue.verify.notHandlingUnit");
        }
        if (methods == null || methods.isEmpty()) {
            throw new WorkflowViolation("clue.verify.noMethod");
        }
        this.methods = Set.copyOf(methods);
        this.findings = findings;
        this.result = Objects.requireNonNull(result);
        this.verifiedAt = at;
        this.status = ClueStatus.VERIFIED;
    }

    /** The group's or city office's review: accept, or send back to the handling unit with the reason. */
    void review(boolean accept, String comment, Instant at) {
        if (status != ClueStatus.VERIFIED) {
            throw new WorkflowViolation("clue.review.notVerified", status);
        }
        if (!accept && (comment == null || comment.isBlank())) {
            throw new WorkflowViolation("clue.review.reasonRequired");
        }
        this.reviewComment = comment;
        this.reviewedAt = at;
        if (accept) {
            this.status = ClueStatus.REVIEWED;
        } else {
            this.sendBacks++;
            this.status = ClueStatus.ASSIGNED;
        }
    }

    /** A message to the reporter, who reads it with the receipt code. */
    void reply(Instant at) {
        if (status == ClueStatus.CLOSED || status == ClueStatus.MERGED) {
            throw new WorkflowViolation("clue.reply.notOpen", status);
        }
        this.repliedAt = at;
    }

    void close(Instant at) {
        if (status != ClueStatus.REVIEWED && status != ClueStatus.TRANSFERRED) {
            throw new WorkflowViolation("clue.close.notReviewed", status);
        }
        if (hasContact && repliedAt == null) {
            throw new WorkflowViolation("clue.close.replyFirst");
        }
        this.closedAt = at;
        this.status = ClueStatus.CLOSED;
    }

    /** This clue is a duplicate of {@code target}: it stays readable, and statistics count the target only. */
    void mergeInto(Clue target, Instant at) {
        if (target.id.equals(id)) {
            throw new WorkflowViolation("clue.merge.self");
        }
        if (status == ClueStatus.MERGED || status == ClueStatus.CLOSED) {
            throw new WorkflowViolation("clue.merge.notOpen", status);
        }
        if (target.status == ClueStatus.MERGED) {
            throw new WorkflowViolation("clue.merge.targetMerged");
        }
        this.statusBeforeMerge = status;
        this.mergedInto = target.id;
        this.mergedAt = at;
        this.status = ClueStatus.MERGED;
    }

    /** Undoes a wrong merge: the clue resumes where it was. */
    void split() {
        if (status != ClueStatus.MERGED) {
            throw new WorkflowViolation("clue.split.notMerged", status);
        }
        this.status = statusBeforeMerge == null ? ClueStatus.RECEIVED : statusBeforeMerge;
        this.statusBeforeMerge = null;
        this.mergedInto = null;
        this.mergedAt = null;
    }

    /** The key-clue list (重点线索) and the conclusions of its joint study (共同研判). */
    void study(boolean key, String conclusion) {
        if (status == ClueStatus.MERGED) {
            throw new WorkflowViolation("clue.study.merged");
        }
        this.keyClue = key;
        this.studyConclusion = conclusion;
    }

    /** The steps this clue's state allows now (for showing only the forms that can succeed). */
    List<String> openSteps() {
        return switch (status) {
            case RECEIVED -> List.of("triage", "transfer", "merge", "reply", "study");
            case IN_SCOPE -> List.of("assign", "transfer", "merge", "reply", "study");
            case ASSIGNED -> List.of("verify", "assign", "merge", "reply", "study");
            case VERIFIED -> List.of("review", "merge", "reply", "study");
            case REVIEWED, TRANSFERRED -> List.of("close", "merge", "reply", "study");
            case CLOSED -> List.of("study");
            case MERGED -> List.of("split");
        };
    }

    public ClueId id() {
        return id;
    }

    public ClueStatus status() {
        return status;
    }

    public boolean hasContact() {
        return hasContact;
    }

    public boolean officialsNamed() {
        return officialsNamed;
    }

    public String districtPath() {
        return districtPath;
    }

    public Scope scope() {
        return scope;
    }

    public ActivityCategory subCategory() {
        return subCategory;
    }

    public Instant triagedAt() {
        return triagedAt;
    }

    public String transferDepartment() {
        return transferDepartment;
    }

    public String transferLetter() {
        return transferLetter;
    }

    public Instant transferredAt() {
        return transferredAt;
    }

    public Long handlingUnit() {
        return handlingUnit;
    }

    public Integer timeLimitDays() {
        return timeLimitDays;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Set<VerifyMethod> methods() {
        return methods;
    }

    public String findings() {
        return findings;
    }

    public VerifyResult result() {
        return result;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public int sendBacks() {
        return sendBacks;
    }

    public Instant repliedAt() {
        return repliedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public ClueId mergedInto() {
        return mergedInto;
    }

    public Instant mergedAt() {
        return mergedAt;
    }

    public ClueStatus statusBeforeMerge() {
        return statusBeforeMerge;
    }

    public boolean keyClue() {
        return keyClue;
    }

    public String studyConclusion() {
        return studyConclusion;
    }

    /** Restores the stored workflow state (the repository's side of the aggregate). */
    void restore(Stored s) {
        this.scope = s.scope();
        this.subCategory = s.subCategory();
        this.triagedAt = s.triagedAt();
        this.transferDepartment = s.transferDepartment();
        this.transferLetter = s.transferLetter();
        this.transferredAt = s.transferredAt();
        this.handlingUnit = s.handlingUnit();
        this.timeLimitDays = s.timeLimitDays();
        this.dueOn = s.dueOn();
        this.assignedAt = s.assignedAt();
        this.methods = s.methods() == null ? Set.of() : Set.copyOf(s.methods());
        this.findings = s.findings();
        this.result = s.result();
        this.verifiedAt = s.verifiedAt();
        this.reviewComment = s.reviewComment();
        this.reviewedAt = s.reviewedAt();
        this.sendBacks = s.sendBacks();
        this.repliedAt = s.repliedAt();
        this.closedAt = s.closedAt();
        this.mergedInto = s.mergedInto();
        this.mergedAt = s.mergedAt();
        this.statusBeforeMerge = s.statusBeforeMerge();
        this.keyClue = s.keyClue();
        this.studyConclusion = s.studyConclusion();
    }

    /** The stored workflow columns. */
    record Stored(
            Scope scope,
            ActivityCategory subCategory,
            Instant triagedAt,
            String transferDepartment,
            String transferLetter,
            Instant transferredAt,
            Long handlingUnit,
            Integer timeLimitDays,
            LocalDate dueOn,
            Instant assignedAt,
            Set<VerifyMethod> methods,
            String findings,
            VerifyResult result,
            Instant verifiedAt,
            String reviewComment,
            Instant reviewedAt,
            int sendBacks,
            Instant repliedAt,
            Instant closedAt,
            ClueId mergedInto,
            Instant mergedAt,
            ClueStatus statusBeforeMerge,
            boolean keyClue,
            String studyConclusion) {}
}
