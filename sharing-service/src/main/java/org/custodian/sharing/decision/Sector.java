package org.custodian.sharing.decision;

/**
 * What sort of organisation a recipient is, beside its data protection role ({@code kind}): it decides, among other
 * things, whether an emergency (vital interests) disclosure may go to it ({@link OverrideRules}).
 */
public enum Sector {
    /** The local authority's children's services: children's social care, the MASH, the LADO. */
    CHILDRENS_SERVICES,
    /** NHS bodies, hospitals, GPs, school nursing. */
    HEALTH,
    POLICE,
    /** Ambulance, fire and rescue. */
    EMERGENCY_SERVICES,
    /** The local authority's other functions: admissions, exclusions, SEN, attendance. */
    LOCAL_AUTHORITY,
    /** The Department for Education and other departments. */
    CENTRAL_GOVERNMENT,
    /** Ofsted and other inspectorates. */
    REGULATOR,
    COURTS,
    /** Other schools, colleges, examining bodies. */
    EDUCATION,
    /** Learning platforms, MIS integrations, educational apps. */
    EDTECH,
    /** Other suppliers: the photographer, catering, transport. */
    SUPPLIER,
    /** Newspapers, broadcasters, their websites. */
    PRESS,
    /** Advertising, marketing, fundraising. */
    MARKETING,
    OTHER
}
