package dev.gatehouse.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code await-ready --timeout S name=url ...}: waits until each URL answers 200, reporting each as it comes up. */
final class ReadinessWait {

    private ReadinessWait() {
    }

    static int run(List<String> args) throws InterruptedException {
        long timeoutSeconds = 180;
        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--timeout")) {
                timeoutSeconds = Long.parseLong(args.get(++i));
            } else {
                String[] pair = args.get(i).split("=", 2);
                pending.put(pair[0], pair[1]);
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (String name : new ArrayList<>(pending.keySet())) {
                if (ready(http, pending.get(name))) {
                    pending.remove(name);
                    System.out.printf("  %s ready (%.1fs)%n", name, (System.nanoTime() - start) / 1e9);
                }
            }
            Thread.sleep(250);
        }
        if (!pending.isEmpty()) {
            System.out.println("NOT READY: " + String.join(" ", pending.keySet()));
            return 1;
        }
        return 0;
    }

    private static boolean ready(HttpClient http, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
