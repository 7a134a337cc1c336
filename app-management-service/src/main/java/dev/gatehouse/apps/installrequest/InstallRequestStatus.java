package dev.gatehouse.apps.installrequest;

public enum InstallRequestStatus {
    pending, approved, denied
}
