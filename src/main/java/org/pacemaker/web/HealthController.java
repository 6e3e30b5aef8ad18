package org.pacemaker.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

    @Operation(summary = "Liveness, as in the original: always true while the service answers")
    @GetMapping({"/api/v1/utils/health-check/", "/api/v1/utils/health-check"})
    boolean healthCheck() {
        return true;
    }
}
