package vn.lienthong.edxml;

/** Who handled it: department, staff member, mobile, email. */
public record StaffInfo(String department, String staff, String mobile, String email) {
}
