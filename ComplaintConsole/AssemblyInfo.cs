[assembly: System.Resources.NeutralResourcesLanguage("fa")]
