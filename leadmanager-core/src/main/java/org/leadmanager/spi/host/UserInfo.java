package org.leadmanager.spi.host;

import java.time.ZoneId;
import java.util.Objects;
import org.leadmanager.domain.UserId;

/**
 * What the library needs to know of a host user.
 *
 * @param id          non-null
 * @param displayName non-null
 * @param active      inactive users never receive leads or follow-ups
 * @param zone        the user's time zone, for "due today" in the overview; non-null
 */
public record UserInfo(UserId id, String displayName, boolean active, ZoneId zone) {

    public UserInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(zone, "zone");
    }
}
