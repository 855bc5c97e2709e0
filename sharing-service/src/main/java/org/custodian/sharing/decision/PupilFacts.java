package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the projections know about one pupil: roster membership, effective consent per purpose (absent = NOT_ASKED),
 * active restrictions and upheld objections; {@code leftOn} is the day a pupil who has left ceased to be registered (null
 * for a pupil on the roster or one the roster never mentioned).
 */
public record PupilFacts(
        String pupilId,
        boolean onRoster,
        Map<String, ConsentStatus> consent,
        List<Restriction> restrictions,
        List<Objection> objections,
        LocalDate leftOn) {

    public PupilFacts(
            String pupilId,
            boolean onRoster,
            Map<String, ConsentStatus> consent,
            List<Restriction> restrictions,
            List<Objection> objections) {
        this(pupilId, onRoster, consent, restrictions, objections, null);
    }

    public PupilFacts {
        consent = Map.copyOf(consent);
        restrictions = List.copyOf(restrictions);
        objections = List.copyOf(objections);
    }

    public static PupilFacts onRoster(String pupilId) {
        return new PupilFacts(pupilId, true, Map.of(), List.of(), List.of());
    }

    /** A pupil who ceased to be registered on {@code leftOn}. */
    public static PupilFacts left(String pupilId, LocalDate leftOn) {
        return new PupilFacts(pupilId, false, Map.of(), List.of(), List.of(), leftOn);
    }

    public ConsentStatus consentFor(String purpose) {
        return consent.getOrDefault(purpose, ConsentStatus.NOT_ASKED);
    }

    /**
     * An Art. 18 restriction. {@code categories} as named by sar-service; empty means all processing, and a category
     * this service does not know is read as all (the safe side).
     */
    public record Restriction(Set<String> categories) {
        public Restriction {
            categories = Set.copyOf(categories);
        }

        public boolean covers(Set<DataCategory> requested) {
            if (categories.isEmpty()) {
                return true;
            }
            for (String category : categories) {
                var known = DataCategory.parse(category);
                if (known.isEmpty() || requested.contains(known.get())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An upheld Art. 21 objection; {@code purposes} empty means every sharing purpose. */
    public record Objection(Set<String> purposes) {
        public Objection {
            purposes = Set.copyOf(purposes);
        }

        public boolean covers(String purpose) {
            return purposes.isEmpty() || purposes.contains(purpose);
        }
    }
}
