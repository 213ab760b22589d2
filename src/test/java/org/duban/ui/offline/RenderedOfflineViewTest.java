package org.duban.ui.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The offline reporting screen rendered by the real server (no browser): a clerk sees it in the menu, picks a cycle
 * and downloads the template; other roles are refused. Only reads: 曹县's template is downloaded, nothing uploaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedOfflineViewTest {

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
    void clerkDownloadsHerUnitsTemplateFromTheScreen() throws Exception {
        RenderedViews.Session session = RenderedViews.signIn(port, "caoxian.clerk");
        assertThat(session.render("")).contains("离线填报");
        String view = session.render("offline" + q2);

        assertThat(view).contains("下载填报模板（.xlsx）", "上传填好的模板", "只接受 .xlsx", "菏政办字〔2023〕13号",
                "offline-upload", ".xlsx");
        assertThat(view).doesNotContain("!ledger.");

        // the upload's target is a dynamic resource too: the download is the one that answers with a file
        Matcher link = Pattern.compile("\"(VAADIN/dynamic/resource/[^\"]+)\"").matcher(view);
        HttpResponse<byte[]> download = null;
        while (download == null && link.find()) {
            HttpResponse<byte[]> response = session.get(link.group(1));
            if (response.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx")) {
                download = response;
            }
        }
        assertThat(download).as("the template download").isNotNull();
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("CAOXIAN_", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).startsWith("曹县 ")
                    .endsWith("重点工作进展离线填报表");
            assertThat(sheet.getLastRowNum()).isGreaterThan(3);
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(1).getStringCellValue()).endsWith("-CAOXIAN");
            }
        }
    }

    @Test
    void onlyClerksGetTheScreen() throws Exception {
        String refused = RenderedViews.render(port, "supervisor", "offline");
        assertThat(refused).contains("Could not navigate to 'offline'").doesNotContain("下载填报模板");
        assertThat(RenderedViews.render(port, "supervisor", "")).doesNotContain("离线填报");
    }
}
