package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duban.org.UnitDirectory;

/**
 * Reads a key-task document (重点工作任务, e.g. 菏政办字〔2023〕13号) into sections, tasks, units and indicators.
 * Plain Java: no Spring, no database; the unit registry comes in as a {@link UnitDirectory}.
 *
 * <p>Input: .docx (recognised by its zip signature or its name) or text in UTF-8 (with or without BOM) or
 * GB18030/GBK, with any line endings. Unreadable input raises {@link CatalogParseException}; problems inside a
 * readable document (unknown units, numbering gaps, empty sections) become warnings and parsing goes on.
 */
public final class CatalogParser {

    private final UnitClauseParser clauseParser;
    private final IndicatorExtractor indicatorExtractor = new IndicatorExtractor();

    public CatalogParser(UnitDirectory units) {
        this.clauseParser = new UnitClauseParser(Objects.requireNonNull(units, "units"));
    }

    public ParsedPlan parse(byte[] content, String fileName) throws CatalogParseException {
        String name = fileName == null || fileName.isBlank() ? "(未命名 / unnamed)" : fileName;
        if (content == null || content.length == 0) {
            throw new CatalogParseException("文件为空 / file is empty: " + name);
        }
        List<SourceLine> lines = DocumentReader.read(content, name);
        ScannedDocument scanned = new StructureScanner().scan(lines);
        if (scanned.taskCount() == 0) {
            throw new CatalogParseException(
                    "没有找到编号的任务（如“1. …”） / no numbered tasks found (like \"1. …\"): " + name);
        }
        PlanHeader header = PlanHeaderExtractor.extract(scanned.preamble());

        List<String> warnings = new ArrayList<>(scanned.warnings());
        TaskAssembler assembler = new TaskAssembler(clauseParser, indicatorExtractor);
        List<ParsedSection> sections = new ArrayList<>();
        for (ScannedDocument.Section section : scanned.sections()) {
            List<ParsedTask> tasks = new ArrayList<>();
            for (ScannedDocument.Task task : section.tasks()) {
                tasks.add(assembler.assemble(task, warnings));
            }
            sections.add(new ParsedSection(section.number(), section.label(), section.title(), tasks));
        }
        return new ParsedPlan(header.title(), header.documentNumber(), header.year(), sections, warnings);
    }
}
