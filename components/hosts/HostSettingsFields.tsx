import type { HostView } from "@/lib/db/queries/hosts";
import type { FieldErrors } from "./host-form-body";
import { FormField, inputClass } from "./FormField";

/** What to inspect on the target, for either transport: roots, unit, interpreter, entry points, limits. */
export function HostSettingsFields({ host, errors }: { host?: HostView; errors: FieldErrors }) {
  return (
    <>
      <FormField label="App roots" hint="One absolute path per line." error={errors.appRoots}>
        {(a) => (
          <textarea
            {...a}
            name="appRoots"
            required
            rows={2}
            defaultValue={host?.appRoots.join("\n")}
            className={`${inputClass} font-mono`}
            placeholder="/opt/myapp"
          />
        )}
      </FormField>
      <FormField label="systemd unit (optional)" error={errors.serviceUnit}>
        {(a) => (
          <input
            {...a}
            name="serviceUnit"
            defaultValue={host?.serviceUnit ?? ""}
            className={inputClass}
            placeholder="myapp.service"
          />
        )}
      </FormField>
      <FormField label="Unit file path (optional)" hint="When systemd cannot be asked." error={errors.unitFile}>
        {(a) => <input {...a} name="unitFile" defaultValue={host?.unitFile ?? ""} className={inputClass} />}
      </FormField>
      <FormField
        label="Service interpreter (optional)"
        hint="Default: from the unit's ExecStart."
        error={errors.python}
      >
        {(a) => (
          <input
            {...a}
            name="python"
            defaultValue={host?.python ?? ""}
            className={inputClass}
            placeholder="/opt/myapp/venv/bin/python"
          />
        )}
      </FormField>
      <FormField
        label="Service user (optional)"
        hint="Without a unit: judge permissions as this user, not as the login."
        error={errors.serviceUser}
      >
        {(a) => (
          <input
            {...a}
            name="serviceUser"
            defaultValue={host?.serviceUser ?? ""}
            className={inputClass}
            placeholder="www-data"
          />
        )}
      </FormField>
      <FormField
        label="Container (optional)"
        hint="A running Docker or Podman container on the target that runs the service."
        error={errors.container}
      >
        {(a) => (
          <input
            {...a}
            name="container"
            defaultValue={host?.container ?? ""}
            className={inputClass}
            placeholder="shop-web"
          />
        )}
      </FormField>
      <FormField label="Container engine" hint="Default: docker, then podman." error={errors.engine}>
        {(a) => (
          <select {...a} name="engine" defaultValue={host?.engine ?? ""} className={inputClass}>
            <option value="">Whichever the target has</option>
            <option value="docker">docker</option>
            <option value="podman">podman</option>
          </select>
        )}
      </FormField>
      <FormField
        label="Entry points (optional)"
        hint="MODULE[:ATTR], one per line, added to those from ExecStart."
        error={errors.entryPoints}
      >
        {(a) => (
          <textarea
            {...a}
            name="entryPoints"
            rows={2}
            defaultValue={host?.entryPoints.join("\n")}
            className={`${inputClass} font-mono`}
            placeholder="wsgi:app"
          />
        )}
      </FormField>
      <details className="rounded border border-slate-200 p-3 text-sm">
        <summary className="cursor-pointer font-medium">Limits</summary>
        <div className="mt-3 space-y-3">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="measureStartup" defaultChecked={host?.measureStartup ?? true} /> Measure what
            compiling the blocked startup modules costs each start
          </label>
          <FormField label="Max files" error={errors.maxFiles}>
            {(a) => (
              <input
                {...a}
                name="maxFiles"
                type="number"
                min={100}
                defaultValue={host?.maxFiles ?? 300000}
                className={inputClass}
              />
            )}
          </FormField>
          <FormField label="Timeout (seconds)" error={errors.timeoutSeconds}>
            {(a) => (
              <input
                {...a}
                name="timeoutSeconds"
                type="number"
                min={5}
                defaultValue={host?.timeoutSeconds ?? 120}
                className={inputClass}
              />
            )}
          </FormField>
        </div>
      </details>
    </>
  );
}
