package dudao.campaign;

import dudao.directory.RegionCode;
import dudao.directory.StaffId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A numbered group (第16组) stationed in one district for a round, with its leader and members and what it publishes
 * while posted there: hotline, postal mailbox (邮政信箱) and office address.
 */
public record InspectionGroup(
        GroupId id,
        RoundId round,
        int number,
        RegionCode region,
        String regionName,
        String regionPath,
        String hotline,
        String mailbox,
        String officeAddress,
        LocalDate postedFrom,
        LocalDate postedUntil,
        int version,
        List<Member> members) {

    public enum MemberRole {
        LEADER,
        MEMBER
    }

    public record Member(StaffId staff, String username, String displayName, MemberRole role) {}

    public Optional<Member> leader() {
        return members.stream().filter(m -> m.role() == MemberRole.LEADER).findFirst();
    }

    public boolean hasMember(StaffId staff) {
        return members.stream().anyMatch(m -> m.staff().equals(staff));
    }

    /** Whether the group is posted in its district on that day (fieldwork may be recorded only then). */
    public boolean postedOn(LocalDate day) {
        return day != null && !day.isBefore(postedFrom) && !day.isAfter(postedUntil);
    }

    /** The days of the posting, first to last. */
    public List<LocalDate> postingDays() {
        return postedFrom.datesUntil(postedUntil.plusDays(1)).toList();
    }
}
