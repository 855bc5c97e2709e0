package org.custodian.retention.schedule;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A school's schedule: the IRMS defaults overlaid with the school's own versions, school first. */
@ApplicationScoped
public class ScheduleRuleRepository implements PanacheRepositoryBase<ScheduleRule, ScheduleRule.Key> {

    /** Every class in force for the school, IRMS rows first in toolkit order, then the school's own by code. */
    public Map<String, ScheduledClass> classesInForce(String urn) {
        Map<String, ScheduledClass> classes = new LinkedHashMap<>();
        IrmsSchedule.rules().forEach(rule -> classes.put(rule.code(), ScheduledClass.irms(rule)));
        list(
                        "from ScheduleRule r where r.schoolUrn = ?1 and r.version = (select max(v.version)"
                                + " from ScheduleRule v where v.schoolUrn = r.schoolUrn and v.classCode = r.classCode)"
                                + " order by r.classCode",
                        urn)
                .forEach(r -> classes.put(r.classCode(), r.scheduledClass()));
        return classes;
    }

    /** The class in force for the school: its latest version, or the IRMS default. */
    public Optional<ScheduledClass> classInForce(String urn, String code) {
        Optional<ScheduledClass> own = find("schoolUrn = ?1 and classCode = ?2 order by version desc", urn, code)
                .firstResultOptional()
                .map(ScheduleRule::scheduledClass);
        return own.isPresent() ? own : IrmsSchedule.rule(code).map(ScheduledClass::irms);
    }

    /** Every version of a class, newest first (the IRMS default, if any, is version 0). */
    public List<ScheduledClass> versionsOf(String urn, String code) {
        List<ScheduledClass> versions =
                new ArrayList<>(list("schoolUrn = ?1 and classCode = ?2 order by version desc", urn, code).stream()
                        .map(ScheduleRule::scheduledClass)
                        .toList());
        IrmsSchedule.rule(code).map(ScheduledClass::irms).ifPresent(versions::add);
        return versions;
    }

    /** Stores a new version; the primary key refuses a version another request stored first. */
    public void add(String urn, ScheduledClass version) {
        persist(ScheduleRule.of(urn, version));
        flush();
    }
}
