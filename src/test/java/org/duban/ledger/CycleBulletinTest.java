package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The bulletin's ranking order and its .docx, from figures made up for the purpose. */
class CycleBulletinTest {

    private static UnitPerformance unit(String code, String name, int sortOrder, int due, int onTime, int returns,
            int escalations) {
        return new UnitPerformance(code, name, sortOrder, due + 1, due, onTime, returns, 0, escalations, 0);
    }

    private static final List<UnitPerformance> FIGURES = List.of(
            unit("C", "成武县", 5, 4, 2, 0, 0),          // 50%
            unit("D", "东明县", 9, 0, 0, 0, 0),          // nothing due yet: last
            unit("B", "单县", 4, 4, 4, 0, 1),            // 100% but escalated once
            unit("E", "鄄城县", 8, 4, 4, 1, 0),          // 100%, one return
            unit("A", "曹县", 3, 4, 4, 1, 0),            // 100%, one return: ties with 鄄城县, listed first
            unit("F", "牡丹区", 1, 3, 3, 0, 0));         // 100%, clean

    @Test
    void bestOnTimeRateFirstThenFewerEscalationsReturnsAndTiesShareARank() {
        List<UnitPerformance> ranked = CycleBulletin.rank(FIGURES);
        assertThat(ranked).extracting(UnitPerformance::unitName)
                .containsExactly("牡丹区", "曹县", "鄄城县", "单县", "成武县", "东明县");
        assertThat(ranked).extracting(UnitPerformance::rank).containsExactly(1, 2, 2, 4, 5, 6);
        assertThat(ranked.get(4).onTimeRate()).isEqualTo(50.0);
        assertThat(ranked.get(5).onTimeRate()).isNull();
    }

    @Test
    void theDocxListsTheUnitsInRankingOrderUnderTheTitle() throws Exception {
        CycleBulletin bulletin = new CycleBulletin("菏政办字〔2023〕13号", "重点工作任务", "2023Q2",
                LocalDate.of(2023, 6, 25), LocalDate.of(2023, 7, 3), CycleBulletin.rank(FIGURES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BulletinWordExport().write(bulletin, Locale.SIMPLIFIED_CHINESE, out);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("2023Q2重点工作任务推进情况通报");
            assertThat(paragraphs).anyMatch(p -> p.contains("按时报送 17 份") && p.contains("督办 1 次"));
            assertThat(paragraphs).anyMatch(p -> p.contains("本期被督办单位（次数）：单县（1）"));
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("排名", "单位", "报告数", "应报", "按时报送", "按时率", "退回次数", "提醒催办", "督办次数");
            assertThat(table.getRows().subList(1, table.getRows().size()))
                    .extracting(r -> r.getCell(0).getText() + " " + r.getCell(1).getText() + " " + r.getCell(5)
                            .getText())
                    .containsExactly("1 牡丹区 100.0%", "2 曹县 100.0%", "2 鄄城县 100.0%", "4 单县 100.0%",
                            "5 成武县 50.0%", "6 东明县 —");
        }
    }
}
