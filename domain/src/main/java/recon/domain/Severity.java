package recon.domain;

public enum Severity {
    /** money may be lost */
    HIGH,
    /** needs a look */
    MEDIUM,
    /** informational */
    LOW
}
