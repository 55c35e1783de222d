package com.onboarding.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.onboarding.links.LinkNotUsableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJackson2Module;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;

/**
 * The registration page's passkey: the invitee is nobody yet, so their link (its token) says who the passkey is for,
 * in both steps; the options live in the page's session between them, as Spring Security keeps them for signed-in
 * users. JSON in the shape Spring Security's own passkey endpoints use.
 */
@RestController
@RequestMapping(path = "/register/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
class RegistrationPasskeyController {

    private final RegistrationPasskeys registration;
    private final ObjectMapper json = JsonMapper.builder().addModule(new WebauthnJackson2Module()).build();
    private final HttpSessionPublicKeyCredentialCreationOptionsRepository pending =
            new HttpSessionPublicKeyCredentialCreationOptionsRepository();

    RegistrationPasskeyController(RegistrationPasskeys registration) {
        this.registration = registration;
        pending.setAttrName(RegistrationPasskeyController.class.getName() + ".options");
    }

    @PostMapping(path = "/options", consumes = MediaType.APPLICATION_JSON_VALUE)
    String options(@RequestBody Map<String, String> body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PublicKeyCredentialCreationOptions options = registration.options(body.get("token"));
        pending.save(request, response, options);
        return json.writeValueAsString(options);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(@RequestBody String body, HttpServletRequest request,
            HttpServletResponse response) {
        PublicKeyCredentialCreationOptions options = pending.load(request);
        pending.save(request, response, null);
        RelyingPartyPublicKey key;
        String token;
        try {
            JsonNode tree = json.readTree(body);
            token = tree.path("token").asText(null);
            key = json.treeToValue(tree.get("publicKey"), RelyingPartyPublicKey.class);
        } catch (IOException | IllegalArgumentException e) {
            return refused("The passkey could not be read.");
        }
        if (options == null || key == null) {
            return refused("Start again: the passkey was not asked for on this page.");
        }
        try {
            registration.add(token, options, key);
        } catch (LinkNotUsableException e) {
            throw e;
        } catch (RuntimeException e) {
            return refused("The passkey could not be verified.");
        }
        return ResponseEntity.ok(Map.of("success", true));
    }

    @ExceptionHandler(LinkNotUsableException.class)
    ResponseEntity<Map<String, Object>> linkNotUsable() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("success", false,
                "message", "This link is no longer valid."));
    }

    private static ResponseEntity<Map<String, Object>> refused(String message) {
        return ResponseEntity.badRequest().body(Map.of("success", false, "message", message));
    }
}
