package dudao.rectification;

import dudao.deadlines.IssuedStep;
import dudao.platform.OfficialDocument;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the office sends to a responsible unit as a Chinese official document (GB/T 9704-2012, laid out by
 * {@link OfficialDocument}): the supervision notice and the letter assigning problems, each with its addressee.
 */
@Component
class OfficialDocuments {

    static final String OFFICE = "重庆市扫黑除恶专项斗争领导小组办公室";

    /** 督办通知书 for a supervision notice issued by the deadlines module. */
    byte[] supervisionNotice(IssuedStep notice, ProblemView problem) {
        var lead = problem.units().stream().filter(ProblemView.UnitView::lead).findFirst();
        return document(
                notice.number(),
                "督办通知书",
                lead.map(ProblemView.UnitView::name).orElse(problem.regionName()),
                List.of(
                        "第" + problem.groupNumber() + "检查指导组于" + date(problem.recordedAt()) + "交办你单位的问题“"
                                + problem.title() + "”，整改期限为" + chinese(notice.due()) + "。截至目前，你单位未按期完成整改并反馈。",
                        "问题描述：" + problem.description(),
                        "整改要求：" + (problem.suggestion() == null ? "按照交办要求整改到位。" : problem.suggestion()),
                        "现予督办。请你单位高度重视，于" + chinese(notice.respondBy()) + "前将整改情况书面报送市扫黑办，逾期未报送或整改不到位的，将依规依纪启动问责程序。"),
                notice.issuedOn());
    }

    /** 交办函: the problems assigned to their responsible units. */
    byte[] assignmentLetter(List<ProblemView> problems, String addressee, LocalDate on) {
        var body = new java.util.ArrayList<String>();
        body.add("根据全市扫黑除恶专项斗争检查指导工作安排，现将检查指导中发现的问题交由你单位整改，请按照“挂单整改、逐一销号”的要求，" + "逐项制定整改措施，明确责任人和整改时限，按期反馈整改情况。");
        int n = 1;
        for (var p : problems) {
            var lead = p.units().stream()
                    .filter(ProblemView.UnitView::lead)
                    .map(ProblemView.UnitView::name)
                    .findFirst()
                    .orElse("");
            body.add(n++ + ". " + p.title() + "。" + p.description() + " 牵头单位：" + lead + "；整改期限："
                    + (p.deadline() == null ? "另行通知" : chinese(p.deadline())) + "；整改建议："
                    + (p.suggestion() == null ? "无" : p.suggestion()));
        }
        return document(
                "渝扫黑办函〔" + on.getYear() + "〕" + problems.get(0).id() + "号", "关于交办专项斗争检查指导发现问题的函", addressee, body, on);
    }

    private byte[] document(String number, String title, String addressee, List<String> body, LocalDate on) {
        return OfficialDocument.issuedBy(OFFICE)
                .number(number)
                .title(title)
                .addressee(addressee)
                .paragraphs(body)
                .date(on)
                .toWord();
    }

    private static String chinese(LocalDate day) {
        return OfficialDocument.chineseDate(day);
    }

    private static String date(java.time.Instant at) {
        return chinese(LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Shanghai")));
    }
}
