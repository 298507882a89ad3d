package dudao.rectification;

import dudao.deadlines.IssuedStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.springframework.stereotype.Component;

/**
 * Word documents laid out as Chinese official documents (GB/T 9704-2012): A4 with the standard margins, the issuing
 * office's mark in red, the document number, a red rule, the title, the addressee, the body in 仿宋 三号, the
 * issuing office and the date. Fonts are named as offices have them; Word and WPS substitute when one is missing.
 */
@Component
class OfficialDocuments {

    static final String OFFICE = "重庆市扫黑除恶专项斗争领导小组办公室";
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String RED = "FF0000";

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
        try (var doc = new XWPFDocument();
                var out = new ByteArrayOutputStream()) {
            var sect = doc.getDocument().getBody().addNewSectPr();
            var size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906)); // A4, in twentieths of a point
            size.setH(BigInteger.valueOf(16838));
            var margins = sect.addNewPgMar();
            margins.setTop(BigInteger.valueOf(2098)); // 37 mm
            margins.setBottom(BigInteger.valueOf(1984)); // 35 mm
            margins.setLeft(BigInteger.valueOf(1588)); // 28 mm
            margins.setRight(BigInteger.valueOf(1474)); // 26 mm

            var mark = paragraph(doc, ParagraphAlignment.CENTER);
            run(mark, OFFICE, TITLE_FONT, 26, true).setColor(RED);
            mark.setSpacingAfter(600);

            var numberLine = paragraph(doc, ParagraphAlignment.CENTER);
            run(numberLine, number, BODY_FONT, 16, false);
            var ppr = numberLine.getCTP().isSetPPr()
                    ? numberLine.getCTP().getPPr()
                    : numberLine.getCTP().addNewPPr();
            var bottom = ppr.addNewPBdr().addNewBottom();
            bottom.setVal(STBorder.SINGLE);
            bottom.setColor(RED);
            bottom.setSz(BigInteger.valueOf(18));
            bottom.setSpace(BigInteger.valueOf(4));

            var titleLine = paragraph(doc, ParagraphAlignment.CENTER);
            titleLine.setSpacingBefore(600);
            titleLine.setSpacingAfter(300);
            run(titleLine, title, TITLE_FONT, 22, false);

            run(paragraph(doc, ParagraphAlignment.LEFT), addressee + "：", BODY_FONT, 16, false);
            for (var text : body) {
                var p = paragraph(doc, ParagraphAlignment.BOTH);
                p.setFirstLineIndent(640); // two characters of 三号
                run(p, text, BODY_FONT, 16, false);
            }
            var office = paragraph(doc, ParagraphAlignment.RIGHT);
            office.setSpacingBefore(600);
            run(office, OFFICE, BODY_FONT, 16, false);
            run(paragraph(doc, ParagraphAlignment.RIGHT), chinese(on), BODY_FONT, 16, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        var p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int points, boolean bold) {
        var r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(points);
        r.setBold(bold);
        return r;
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static String date(java.time.Instant at) {
        return chinese(LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Shanghai")));
    }
}
