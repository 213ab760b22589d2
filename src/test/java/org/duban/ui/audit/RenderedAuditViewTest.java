package org.duban.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.RenderedViews;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The audit screen rendered by the real server (no browser): who gets it, what it shows, what the export holds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedAuditViewTest {

    @LocalServerPort
    int port;

    @Test
    void supervisorsAndAdminsGetTheTrailWithFiltersAndExport() throws Exception {
        for (String user : new String[] {"supervisor", "admin"}) {
            String view = RenderedViews.render(port, user, "audit");
            assertThat(view).as(user).contains("\"审计日志\"", "起始日期", "截止日期", "操作人", "操作类型", "对象 / 任务编号",
                    "导出 Excel", "audit-grid").doesNotContain("!audit.");
        }
    }

    @Test
    void clerksAndReviewersDoNotGetIt() throws Exception {
        for (String user : new String[] {"caoxian.clerk", "kjj.reviewer"}) {
            String view = RenderedViews.render(port, user, "audit");
            assertThat(view).as(user).doesNotContain("audit-grid").doesNotContain("导出 Excel");
        }
    }

    @Test
    void theExportLinkDownloadsAnXlsxOfTheTrail() throws Exception {
        RenderedViews.Session session = RenderedViews.signIn(port, "admin");
        String view = session.render("audit");
        Matcher link = Pattern.compile("\"(VAADIN/dynamic/resource/[^\"]+)\"").matcher(view);
        assertThat(link.find()).as("the export link").isTrue();
        HttpResponse<byte[]> download = session.get(link.group(1));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("audit-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("变更（前 → 后）");
            // the seed plan's import is audited at start
            assertThat(sheet.getLastRowNum()).isGreaterThan(0);
        }
    }
}
