package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanHeaderExtractorTest {

    private static PlanHeader header(String... lines) {
        List<SourceLine> preamble = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            preamble.add(new SourceLine(lines[i], "第" + (i + 1) + "行"));
        }
        return PlanHeaderExtractor.extract(preamble);
    }

    @Test
    void titleBlockAboveTheIntroduction() {
        PlanHeader header = header("某市人民政府办公室", "某政办字［2031］7号", "关于印发某市2031年重点工作任务的通知", "2031年3月1日",
                "某市推动高质量发展", "2031 年重点工作任务", "为落实《国务院关于某事的意见》（国发〔2030〕18号），制定任务如下：");
        assertThat(header.title()).isEqualTo("某市推动高质量发展2031年重点工作任务");
        // the official brackets, whatever the typist used; a cited 国发〔2030〕18号 is not the document's number
        assertThat(header.documentNumber()).isEqualTo("某政办字〔2031〕7号");
        assertThat(header.year()).isEqualTo(2031);
    }

    @Test
    void withoutATitleBlockTheNameQuotedInTheNotice() {
        PlanHeader header = header("某政办字〔2031〕7号", "《某市2031年重点工作任务》已经市政府同意，现印发给你们。", "（此件公开发布）");
        assertThat(header.title()).isEqualTo("某市2031年重点工作任务");
        assertThat(header.year()).isEqualTo(2031);
    }

    @Test
    void orTheNameInTheNoticeTitle() {
        PlanHeader header = header("关于印发某市2032年重点工作任务的通知", "（此件公开发布）");
        assertThat(header.title()).isEqualTo("某市2032年重点工作任务");
    }

    @Test
    void yearFromTheDocumentNumberWhenTheTitleHasNone() {
        PlanHeader header = header("某政办字〔2033〕2号", "某市重点工作任务");
        assertThat(header.title()).isEqualTo("某市重点工作任务");
        assertThat(header.year()).isEqualTo(2033);
    }

    @Test
    void nothingToGoOn() {
        assertThat(header()).isEqualTo(new PlanHeader(null, null, null));
        assertThat(header("2031年3月1日")).isEqualTo(new PlanHeader(null, null, null));
    }
}
