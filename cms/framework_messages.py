"""Django's and Wagtail's messages a learner can meet, listed so the project's catalogue can say them with "tú".

Their own Spanish catalogues speak "usted" ("Introduzca un número", "Su contraseña...") on a site that says
"tú". The project's locale/ comes first in LOCALE_PATHS, so an entry there with the same msgid wins. Listing
the msgids here, never called, makes `makemessages` keep them in locale/es; each "Translators:" comment
carries the wording to use (for plurals: singular || plural), which
`cms.catalogue` copies into the catalogue. Messages Django already words neutrally ("Este campo es obligatorio.",
"La contraseña es demasiado corta...", "Esta contraseña es demasiado común.") are left to Django.
Keep each msgid exactly as the framework writes it (curly apostrophes included).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

FRAMEWORK_MESSAGES = (
    # Translators: Escribe bien tu %(username)s y tu contraseña. Fíjate en las mayúsculas y minúsculas.
    gettext_noop("Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."),
    # Translators: Escribe la misma contraseña otra vez, para comprobarla.
    gettext_noop("Enter the same password as before, for verification."),
    # Translators: Tu contraseña actual no es correcta. Escríbela otra vez.
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    ngettext_lazy(
        # Translators: Tu contraseña debe tener al menos %(min_length)d carácter. || Tu contraseña debe tener al menos %(min_length)d caracteres.
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    # Translators: Tu contraseña no puede parecerse demasiado a tus otros datos personales.
    gettext_noop("Your password can’t be too similar to your other personal information."),
    # Translators: Tu contraseña no puede ser una contraseña muy usada.
    gettext_noop("Your password can’t be a commonly used password."),
    # Translators: Tu contraseña no puede tener solo números.
    gettext_noop("Your password can’t be entirely numeric."),
    # Translators: Escribe un usuario válido: solo letras, números y los signos @ . + - _
    gettext_noop("Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."),
    # Translators: Escribe un valor válido.
    gettext_noop("Enter a valid value."),
    # Translators: Escribe una dirección web válida.
    gettext_noop("Enter a valid URL."),
    # Translators: Escribe un número entero válido.
    gettext_noop("Enter a valid integer."),
    # Translators: Escribe un correo electrónico válido.
    gettext_noop("Enter a valid email address."),
    # Translators: Escribe un número.
    gettext_noop("Enter a number."),
    # Translators: Escribe un número entero.
    gettext_noop("Enter a whole number."),
    # Translators: Escribe una fecha válida.
    gettext_noop("Enter a valid date."),
    # Translators: Escribe una hora válida.
    gettext_noop("Enter a valid time."),
    # Translators: Escribe una fecha y hora válidas.
    gettext_noop("Enter a valid date/time."),
    # Translators: Escribe una lista de valores.
    gettext_noop("Enter a list of values."),
    # Translators: El valor debe ser menor o igual a %(limit_value)s.
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    # Translators: El valor debe ser mayor o igual a %(limit_value)s.
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy(
        # Translators: Escribe al menos %(limit_value)d carácter (tiene %(show_value)d). || Escribe al menos %(limit_value)d caracteres (tiene %(show_value)d).
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        # Translators: Escribe como máximo %(limit_value)d carácter (tiene %(show_value)d). || Escribe como máximo %(limit_value)d caracteres (tiene %(show_value)d).
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        # Translators: Escribe como máximo %(max)s dígito en total. || Escribe como máximo %(max)s dígitos en total.
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        "max",
    ),
    ngettext_lazy(
        # Translators: Escribe como máximo %(max)s decimal. || Escribe como máximo %(max)s decimales.
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
        "max",
    ),
    ngettext_lazy(
        # Translators: Escribe como máximo %(max)s dígito antes del punto decimal. || Escribe como máximo %(max)s dígitos antes del punto decimal.
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
        "max",
    ),
    # Translators: No llegó ningún archivo. Revisa el tipo de codificación del formulario.
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    # Translators: No llegó ningún archivo.
    gettext_noop("No file was submitted."),
    # Translators: El archivo que subiste está vacío.
    gettext_noop("The submitted file is empty."),
    ngettext_lazy(
        # Translators: El nombre del archivo puede tener como máximo %(max)d carácter (tiene %(length)d). || El nombre del archivo puede tener como máximo %(max)d caracteres (tiene %(length)d).
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        "max",
    ),
    # Translators: Sube un archivo o marca la casilla para quitarlo, pero no las dos cosas.
    gettext_noop("Please either submit a file or check the clear checkbox, not both."),
    # Translators: Sube una imagen válida. El archivo que subiste no es una imagen o está dañado.
    gettext_noop("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    # Translators: Elige una opción válida. %(value)s no está entre las opciones.
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    # Translators: Elige una opción válida. Esa opción no está entre las disponibles.
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    # Translators: (Wagtail, página protegida con contraseña) La contraseña no es correcta. Prueba otra vez.
    gettext_noop("The password you have entered is not correct. Please try again."),
)
