package org.duban.ui.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.duban.catalog.PlanRepository;
import org.duban.reporting.CycleService;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.support.RenderedViews;
import org.duban.support.SeedCycles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger screen rendered by the real server (no browser), on the seed's 2023Q2 opened by hand: the engine clock
 * is the real one, so every unsubmitted 2023 report is long overdue and red.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedLedgerViewTest {

    @LocalServerPort
    int port;

    @Autowired PlanRepository plans;
    @Autowired ReportingCycleRepository cycles;
    @Autowired CycleService cycleService;

    /** The seed's 2023Q2, named in the address: other tests open cycles of later plans, which come first by default. */
    private String q2;

    @BeforeEach
    void q2IsOpen() {
        q2 = "?cycle=" + SeedCycles.open(plans, cycles, cycleService, "2023Q2").getId();
    }

    @Test
    void supervisorSeesEveryTaskWithLightsAndExports() throws Exception {
        String view = RenderedViews.render(port, "supervisor", "ledger" + q2);

        assertThat(view).contains("\"重点工作任务推进台账\"", "督查室：显示全部任务", "导出 Excel 台账", "下载本期通报（Word）",
                "报送周期", "按板块", "牵头单位", "亮灯说明");
        assertThat(view).contains("2023Q2", "红灯", "逾期未报送", "keytask/1", "市科技局");
        assertThat(view).doesNotContain("!ledger.", "!supervision.");
    }

    @Test
    void theExportLinksDownloadTheLedgerAndTheBulletin() throws Exception {
        RenderedViews.Session session = RenderedViews.signIn(port, "supervisor");
        String view = session.render("ledger" + q2);
        Matcher links = Pattern.compile("\"(VAADIN/dynamic/resource/[^\"]+)\"").matcher(view);
        List<String> hrefs = new ArrayList<>();
        while (links.find()) {
            hrefs.add(links.group(1));
        }
        assertThat(hrefs).as("the Excel and the Word link").hasSizeGreaterThanOrEqualTo(2);
        boolean sawXlsx = false;
        boolean sawDocx = false;
        for (String href : hrefs) {
            HttpResponse<byte[]> download = session.get(href);
            assertThat(download.statusCode()).isEqualTo(200);
            String disposition = download.headers().firstValue("Content-Disposition").orElse("");
            if (disposition.contains(".xlsx")) {
                sawXlsx = true;
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
                    var sheet = workbook.getSheetAt(0);
                    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("重点工作任务推进台账（20");
                    assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("序号");
                    assertThat(sheet.getLastRowNum()).isGreaterThan(100);
                    assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).matches("(红灯|黄灯|绿灯) · .+");
                }
            } else if (disposition.contains(".docx")) {
                sawDocx = true;
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download.body()))) {
                    assertThat(doc.getParagraphs().get(0).getText()).endsWith("重点工作任务推进情况通报");
                    assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("排名");
                    assertThat(doc.getTables().get(0).getRows().size()).isGreaterThan(10);
                }
            }
        }
        assertThat(sawXlsx).isTrue();
        assertThat(sawDocx).isTrue();
    }

    @Test
    void aLeadUnitsReviewerSeesTheLedgerOfItsTasksWithoutTheBulletin() throws Exception {
        String view = RenderedViews.render(port, "kjj.reviewer", "ledger" + q2);

        assertThat(view).contains("\"重点工作任务推进台账\"", "仅显示本单位（KJJ）牵头的任务", "导出 Excel 台账", "keytask/1");
        assertThat(view).doesNotContain("!ledger.", "督查室：显示全部任务");
    }

    @Test
    void aCountyClerkIsRefusedTheLedgerAndHasNoMenuEntry() throws Exception {
        String refused = RenderedViews.render(port, "caoxian.clerk", "ledger" + q2);
        assertThat(refused).contains("Could not navigate to 'ledger'").doesNotContain("重点工作任务推进台账", "导出 Excel 台账");

        assertThat(RenderedViews.render(port, "caoxian.clerk", "")).contains("曹县 陈经办").doesNotContain("督查台账");
        assertThat(RenderedViews.render(port, "kjj.reviewer", "")).contains("督查台账").doesNotContain("督办工作台");
    }
}
