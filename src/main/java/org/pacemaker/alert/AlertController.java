package org.pacemaker.alert;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertController {

    record RuleInfo(String id, String title, String field) {}

    record LimitsResponse(AlertSettings limits, List<RuleInfo> rules) {}

    private final AlertRules rules;

    AlertController(AlertRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "The alert limits in force and the rules that use them")
    @GetMapping("/api/v1/alerts/limits")
    LimitsResponse limits() {
        return new LimitsResponse(
                rules.limits(),
                Arrays.stream(AlertRule.values())
                        .map(rule -> new RuleInfo(
                                rule.id(), rule.title(), rule.field().jsonName()))
                        .toList());
    }
}
