package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void spacesNextToChineseGoAndOtherRunsCollapse() {
        assertThat(TextNormalizer.normalizeText("建设 2 家左右  省级中心")).isEqualTo("建设2家左右省级中心");
        assertThat(TextNormalizer.normalizeText("加快 5G “百城万站” 行动")).isEqualTo("加快5G“百城万站”行动");
        assertThat(TextNormalizer.normalizeText("开展 Smart   City 建设")).isEqualTo("开展Smart City建设");
        assertThat(TextNormalizer.normalizeText("占比达 80% 以上，")).isEqualTo("占比达80%以上，");
    }

    @Test
    void linesAreTrimmedAndFullWidthDigitsBecomeAscii() {
        assertThat(TextNormalizer.normalizeLine("\uFEFF　　１２．任务 ")).isEqualTo("12．任务");
        assertThat(TextNormalizer.normalizeLine("达到９０％")).isEqualTo("达到90%");
    }
}
