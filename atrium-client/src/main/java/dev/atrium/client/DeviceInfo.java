package dev.atrium.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code options.device} object of every login body. Informative for the server,
 * except {@code deviceId}: sent, as realm-web does, once a login has returned one, so every
 * session of this installation shares one device id.
 */
final class DeviceInfo {
    static final String SDK = "Atrium-Java";
    static final String SDK_VERSION = "0.1.0";

    private DeviceInfo() {}

    /** The {@code options} object for a login of app {@code appId}; {@code deviceId} may be null. */
    static Map<String, Object> options(String appId, String deviceId) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("appId", appId);
        device.put("platform", System.getProperty("os.name", ""));
        device.put("platformVersion", System.getProperty("os.version", ""));
        device.put("sdk", SDK);
        device.put("sdkVersion", SDK_VERSION);
        device.put("cpuArch", System.getProperty("os.arch", ""));
        device.put("frameworkName", "Java");
        device.put("frameworkVersion", System.getProperty("java.version", ""));
        if (deviceId != null && !deviceId.chars().allMatch(c -> c == '0')) {
            device.put("deviceId", deviceId);
        }
        return Map.of("device", device);
    }
}
