import * as pulumi from "@pulumi/pulumi";
import { testing } from "pulumi-privatelink";

const config = new pulumi.Config();
const echo = new testing.Echo("greeting", { message: config.get("message") ?? "hello from pulumi-privatelink" });

export const message = echo.message;
export const revision = echo.revision;
