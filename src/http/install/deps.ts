// What the install routes need, from the process's services and pipeline: the API process
// builds it once (main.ts); the console's own routes reuse it to start an install.
import { connectors } from "../../../connectors";
import type { PipelineRuntime } from "../../pipeline/runtime";
import type { Services } from "../../services";
import { loadMasterKey } from "../../tenants/secrets";
import type { InstallRoutesDeps } from "./routes";

export function createInstallDeps(services: Services, runtime: PipelineRuntime, clock: () => Date = () => new Date()): InstallRoutesDeps {
  const { config, db } = services;
  const intake = runtime.deps.intake;
  return {
    db,
    masterKey: loadMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded: db.kind === "embedded" }),
    connectors,
    config,
    clock,
    log: services.log.child({ module: "install" }),
    changed: (id) => intake.installations.invalidate(id),
    enqueue: (ids) => ids.forEach((id) => intake.dispatcher.dispatch(id)),
    credentials: runtime.deps.credentials,
  };
}
