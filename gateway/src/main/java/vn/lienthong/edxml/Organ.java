package vn.lienthong.edxml;

/** A sender or recipient (From / To): the organ id (mã định danh, {@code 000.00.00.H31}) and its contact details. */
public record Organ(String organId, String organizationInCharge, String organName, String organAdd, String email,
                    String telephone, String fax, String website) {

    public static Organ of(String organId, String organName) {
        return new Organ(organId, null, organName, null, null, null, null, null);
    }
}
