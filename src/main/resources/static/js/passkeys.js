// Passkeys on the application's own pages: make one (registration page, account page) and sign in with one (sign-in
// page). The JSON is the shape Spring Security's passkey endpoints use (base64url for every binary field).
(() => {
  const base64url = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
    },
  };

  function csrfHeader() {
    const field = document.querySelector('input[name="_csrf"]');
    return field ? { "X-CSRF-TOKEN": field.value } : {};
  }

  async function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...csrfHeader() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function create(button) {
    const extra = button.dataset.token ? { token: button.dataset.token } : {};
    const labelField = document.getElementById(button.dataset.labelField || "");
    const label = (labelField && labelField.value.trim()) || button.dataset.defaultLabel || "Passkey";
    const optionsResponse = await post(button.dataset.options, extra);
    if (!optionsResponse.ok) throw new Error("HTTP " + optionsResponse.status);
    const options = await optionsResponse.json();
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        user: { ...options.user, id: base64url.decode(options.user.id) },
        challenge: base64url.decode(options.challenge),
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) })),
      },
    });
    const response = credential.response;
    const verification = await post(button.dataset.register, {
      ...extra,
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: base64url.encode(credential.rawId),
          response: {
            attestationObject: base64url.encode(response.attestationObject),
            clientDataJSON: base64url.encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
      },
    });
    const result = await verification.json().catch(() => ({}));
    if (!verification.ok || !result.success) throw new Error(result.message || "HTTP " + verification.status);
  }

  async function signIn() {
    const optionsResponse = await post("/webauthn/authenticate/options");
    if (!optionsResponse.ok) throw new Error("HTTP " + optionsResponse.status);
    const options = await optionsResponse.json();
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: base64url.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) })),
      },
    });
    const response = credential.response;
    const answer = await post("/login/webauthn", {
      id: credential.id,
      rawId: base64url.encode(credential.rawId),
      response: {
        authenticatorData: base64url.encode(response.authenticatorData),
        clientDataJSON: base64url.encode(response.clientDataJSON),
        signature: base64url.encode(response.signature),
        userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined,
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    const result = await answer.json().catch(() => ({}));
    if (!answer.ok || !result.authenticated) throw new Error("HTTP " + answer.status);
    window.location.href = result.redirectUrl || "/";
  }

  function show(id, text) {
    const element = document.getElementById(id);
    if (element) {
      if (text !== undefined) element.textContent = text;
      element.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const supported = !!window.PublicKeyCredential;
    document.querySelectorAll("[data-passkey]").forEach((section) => { section.hidden = !supported; });
    document.querySelectorAll("[data-passkey-create]").forEach((button) => {
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await create(button);
          if (button.dataset.reload !== undefined) {
            window.location.reload();
            return;
          }
          show(button.dataset.done);
          document.querySelectorAll("[data-passkey-instead]").forEach((e) => { e.hidden = false; });
        } catch (error) {
          show(button.dataset.error, button.dataset.errorText);
          button.disabled = false;
        }
      });
    });
    document.querySelectorAll("[data-passkey-signin]").forEach((button) => {
      button.addEventListener("click", async () => {
        try {
          await signIn();
        } catch (error) {
          show(button.dataset.error);
        }
      });
    });
  });
})();
