package org.custodian.sharing.school;

/**
 * Seeds a school with its defaults on first use, in the caller's transaction; the concept that owns the defaults
 * implements it.
 */
public interface SchoolSeeder {

    /** Seeds the school once; concurrent first requests seed once. */
    void ensureSeeded(String urn);
}
