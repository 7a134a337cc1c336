package dev.gatehouse.directory;

/** Names this service uses for itself in events. */
public final class DirectoryService {

    public static final String NAME = "directory-service";

    private DirectoryService() {
    }
}
