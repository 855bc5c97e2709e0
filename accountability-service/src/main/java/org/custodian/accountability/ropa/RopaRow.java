package org.custodian.accountability.ropa;

import java.util.List;
import java.util.Map;
import org.custodian.accountability.fact.FactRef;

/**
 * One processing activity of the record of processing (UK GDPR Art. 30(1)), as the facts make it.
 *
 * @param id       stable across regenerations: {@code duty:<n>}, {@code agreement:<id>}, {@code purpose:<code>}
 * @param cellSources each generated cell (by field name) with the facts, and their versions, it was made from; a
 *                    cell from the law every school has, or from the DPO's words, names none
 * @param from        every fact the row was made from
 */
public record RopaRow(
        String id,
        String businessFunction,
        String purpose,
        List<String> dataSubjects,
        List<String> dataCategories,
        List<String> specialCategories,
        List<String> recipients,
        String processorContract,
        List<String> transferCountries,
        String transferSafeguards,
        List<String> retention,
        String securityMeasures,
        String lawfulBasis,
        String specialCategoryCondition,
        String law,
        List<String> systems,
        List<String> sources,
        Map<String, List<FactRef>> cellSources,
        List<FactRef> from) {}
